import Foundation
import Testing
import GongdanCore
import GongdanSync
import GongdanTesting

@Suite("Node signing keys")
struct NodeSigningKeyTests {
    static let hash = EventChain.hash(bytes: Array("head".utf8))

    @Test("a head signed by a node verifies with its public key")
    func signAndVerify() throws {
        // Given a node's key / When it signs the head of its chain
        let key = NodeSigningKey()
        let head = try key.signHead(origin: "DX", seq: 17, hash: Self.hash)
        // Then the head carries what was signed and verifies
        #expect(head.origin == "DX" && head.seq == 17 && head.hash == Self.hash)
        #expect(NodeSigningKey.verify(head, publicKey: key.publicKey))
        #expect(Data(base64Encoded: key.publicKey)?.count == 32)
        #expect(Data(base64Encoded: head.signature)?.count == 64)
    }

    @Test("the signature covers gongdan-head/1|ORIGIN|SEQ|HASH")
    func signedBytes() {
        let head = SignedHead(origin: "DX", seq: 17, hash: "ab", signature: "")
        #expect(String(decoding: head.signedBytes, as: UTF8.self) == "gongdan-head/1|DX|17|ab")
    }

    @Test("a tampered head does not verify", arguments: ["origin", "seq", "hash", "signature"])
    func tampered(part: String) throws {
        // Given a signed head
        let key = NodeSigningKey()
        var head = try key.signHead(origin: "DX", seq: 17, hash: Self.hash)
        // When one part is changed
        switch part {
        case "origin": head.origin = "QX"
        case "seq": head.seq = 18
        case "hash": head.hash = EventChain.hash(bytes: Array("other".utf8))
        default:
            var signature = Data(base64Encoded: head.signature)!
            signature[0] ^= 1
            head.signature = signature.base64EncodedString()
        }
        // Then it no longer verifies
        #expect(!NodeSigningKey.verify(head, publicKey: key.publicKey))
    }

    @Test("a head signed by another key does not verify")
    func wrongKey() throws {
        let head = try NodeSigningKey().signHead(origin: "DX", seq: 1, hash: Self.hash)
        #expect(!NodeSigningKey.verify(head, publicKey: NodeSigningKey().publicKey))
    }

    @Test("garbage keys and signatures do not verify, and do not crash")
    func garbage() throws {
        let key = NodeSigningKey()
        var head = try key.signHead(origin: "DX", seq: 1, hash: Self.hash)
        #expect(!NodeSigningKey.verify(head, publicKey: "not base64!"))
        #expect(!NodeSigningKey.verify(head, publicKey: Data(count: 5).base64EncodedString()))
        head.signature = "%%%"
        #expect(!NodeSigningKey.verify(head, publicKey: key.publicKey))
    }

    @Test("a stored key restores to the same key")
    func storedRoundTrip() throws {
        // Given a key stored as base64 in the replica
        let key = NodeSigningKey()
        // When restored
        let restored = try NodeSigningKey(base64: key.base64)
        // Then it has the same public key, and its signatures verify with the original's
        #expect(restored.publicKey == key.publicKey)
        let head = try restored.signHead(origin: "DX", seq: 3, hash: Self.hash)
        #expect(NodeSigningKey.verify(head, publicKey: key.publicKey))
        // And Ed25519 is deterministic: both sign the same head identically
        #expect(try key.signHead(origin: "DX", seq: 3, hash: Self.hash) == head)
    }

    @Test("a damaged stored key is refused with a message saying to restore the replica", arguments: ["", "!!", Data(count: 7).base64EncodedString()])
    func damagedKey(stored: String) throws {
        let error = try #require(throws: SyncError.self) { try NodeSigningKey(base64: stored) }
        #expect(error.code == .malformed)
        #expect(error.message.contains("restore"))
    }

    @Test("SignedChain signs the head of each origin's chain in a list of events")
    func signedChainHeads() throws {
        // Given a linked ticket history with two origins and their keys
        let events = try VectorGenerator.offlineRedispatch().events
        let keys = ["WS": NodeSigningKey(), "DX": NodeSigningKey()]
        // When their heads are signed
        let heads = try SignedChain.heads(of: events, keys: keys)
        // Then there is one per origin, at its last seq, over its last event's hash, verifying with its key
        #expect(heads.map(\.origin) == ["DX", "WS"])
        for head in heads {
            let last = try #require(events.filter { $0.id.origin == head.origin }.max { $0.id.seq < $1.id.seq })
            #expect(head.seq == last.id.seq && head.hash == EventChain.hash(of: last))
            #expect(NodeSigningKey.verify(head, publicKey: keys[head.origin]!.publicKey))
        }
    }
}
