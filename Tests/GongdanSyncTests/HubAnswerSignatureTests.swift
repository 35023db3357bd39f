import Foundation
import GongdanSync
import Testing

/// The hub's signature on its answers (protocol 1.6): good for one node's one request and one body only.
@Suite("The hub's answer signature")
struct HubAnswerSignatureTests {
    let hub = NodeSigningKey()
    let body = Array(#"{"protocol":"1.6","events":[],"cursor":7,"more":false}"#.utf8)

    @Test("an answer signed for a node's request verifies with the hub's key, and with no other")
    func verifies() throws {
        let nonce = HubAnswerSignature.makeNonce()
        let signature = try HubAnswerSignature.sign(body: body, node: "DX", nonce: nonce, with: hub)
        #expect(HubAnswerSignature.verify(signature, body: body, node: "DX", nonce: nonce, hubKey: hub.publicKey))
        #expect(!HubAnswerSignature.verify(signature, body: body, node: "DX", nonce: nonce, hubKey: NodeSigningKey().publicKey))
    }

    @Test("an altered body, another node, another request's nonce or a damaged signature do not verify")
    func bindsEverything() throws {
        let nonce = HubAnswerSignature.makeNonce()
        let signature = try HubAnswerSignature.sign(body: body, node: "DX", nonce: nonce, with: hub)
        var altered = body
        altered[altered.count - 3] = UInt8(ascii: "8")
        #expect(!HubAnswerSignature.verify(signature, body: altered, node: "DX", nonce: nonce, hubKey: hub.publicKey))
        #expect(!HubAnswerSignature.verify(signature, body: body, node: "QX", nonce: nonce, hubKey: hub.publicKey))
        #expect(!HubAnswerSignature.verify(signature, body: body, node: "DX", nonce: HubAnswerSignature.makeNonce(), hubKey: hub.publicKey))
        #expect(!HubAnswerSignature.verify("A" + signature.dropFirst(), body: body, node: "DX", nonce: nonce, hubKey: hub.publicKey))
        #expect(!HubAnswerSignature.verify("not base64", body: body, node: "DX", nonce: nonce, hubKey: "not a key"))
    }

    @Test("nonces are fresh 128-bit hex, and only hex of 16 to 64 digits is taken as one")
    func nonces() {
        let first = HubAnswerSignature.makeNonce(), second = HubAnswerSignature.makeNonce()
        #expect(first.count == 32 && first != second && HubAnswerSignature.isNonce(first))
        #expect(!HubAnswerSignature.isNonce(""))
        #expect(!HubAnswerSignature.isNonce(String(repeating: "a", count: 15)))
        #expect(!HubAnswerSignature.isNonce(String(repeating: "a", count: 65)))
        #expect(!HubAnswerSignature.isNonce("zz" + String(repeating: "a", count: 20)))
        #expect(!HubAnswerSignature.isNonce("0123456789abcdef|DX"))
    }
}
