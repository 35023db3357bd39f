import Crypto
import Foundation

/// The hub's signature on its sync answers (protocol 1.6, `sync-protocol/README.md` §5.10).
///
/// A node sends a fresh random nonce with every request (`Gongdan-Nonce`); the hub signs the answer's
/// exact body bytes, bound to the node it authenticated and to that nonce, with its own Ed25519 key (the
/// key of the `HUB` origin) and sends the signature in `Gongdan-Signature`. A node that pinned the
/// hub's key refuses any answer whose signature does not verify: a man in the middle, or anyone who
/// copied the hub's database or a node's token, cannot make a node store an event, move its cursor or
/// believe its events arrived. The nonce makes an answer good for one request only (no replay of an
/// older answer); the node binding keeps one node's answer from being passed to another.
public enum HubAnswerSignature {
    /// The request header that carries the node's nonce.
    public static let nonceHeader = "Gongdan-Nonce"
    /// The answer header that carries the hub's signature (base64).
    public static let signatureHeader = "Gongdan-Signature"

    /// A fresh nonce: 128 random bits as hex.
    public static func makeNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return EventChain.hex((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Whether `text` is a nonce the hub signs: 16 to 64 hex digits (anything else is not signed).
    public static func isNonce(_ text: String) -> Bool {
        (16...64).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
    }

    /// The bytes the signature covers: `gongdan-answer/1|NODE|NONCE|SHA256(body)`.
    public static func signedBytes(node: String, nonce: String, body: some Sequence<UInt8>) -> Data {
        Data("gongdan-answer/1|\(node)|\(nonce)|\(digest(body))".utf8)
    }

    /// The hub's signature (base64) of the answer `body` to `node`'s request with `nonce`.
    public static func sign(body: some Sequence<UInt8>, node: String, nonce: String, with key: NodeSigningKey) throws -> String {
        try key.sign(signedBytes(node: node, nonce: nonce, body: body))
    }

    /// Whether `signature` is the hub's (`hubKey`, base64) on the answer `body` to `node`'s request with `nonce`.
    public static func verify(_ signature: String, body: some Sequence<UInt8>, node: String, nonce: String, hubKey: String) -> Bool {
        NodeSigningKey.verify(signature: signature, of: signedBytes(node: node, nonce: nonce, body: body), publicKey: hubKey)
    }

    static func digest(_ body: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        let hashed: Void? = body.withContiguousStorageIfAvailable { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        if hashed == nil { hasher.update(data: Array(body)) }
        return EventChain.hex(Array(hasher.finalize()))
    }
}
