import Crypto
import Foundation

/// A node's Ed25519 key: made at `gongdan init`, kept in the replica, its public half registered
/// at the hub on the first push. It signs chain heads; anyone with the public key can verify them.
public struct NodeSigningKey: Sendable {
    let key: Curve25519.Signing.PrivateKey

    /// A new random key.
    public init() { key = Curve25519.Signing.PrivateKey() }

    /// The key from its stored raw representation (base64).
    public init(base64 raw: String) throws(SyncError) {
        guard let data = Data(base64Encoded: raw), let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: data) else {
            throw SyncError(.malformed, "the node's signing key in the replica is damaged; restore the replica from a backup")
        }
        self.key = key
    }

    /// The raw private key, base64, for storing in the replica.
    public var base64: String { key.rawRepresentation.base64EncodedString() }

    /// The public key, base64, as the hub registers it.
    public var publicKey: String { key.publicKey.rawRepresentation.base64EncodedString() }

    /// Signs the head of this node's chain at `(seq, hash)`.
    public func signHead(origin: String, seq: Int64, hash: String) throws -> SignedHead {
        var head = SignedHead(origin: origin, seq: seq, hash: hash, signature: "")
        head.signature = try sign(head.signedBytes)
        return head
    }

    /// Signs `bytes`; the signature as base64.
    public func sign(_ bytes: Data) throws -> String {
        try key.signature(for: bytes).base64EncodedString()
    }

    /// Whether `head` carries a valid signature by `publicKey` (base64).
    public static func verify(_ head: SignedHead, publicKey: String) -> Bool {
        verify(signature: head.signature, of: head.signedBytes, publicKey: publicKey)
    }

    /// Whether `signature` (base64) is `publicKey`'s (base64) signature of `bytes`.
    public static func verify(signature: String, of bytes: Data, publicKey: String) -> Bool {
        guard let keyData = Data(base64Encoded: publicKey),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyData),
              let signature = Data(base64Encoded: signature)
        else { return false }
        return key.isValidSignature(signature, for: bytes)
    }

    /// A short fingerprint of a public key (base64) that an operator can compare by eye: the first
    /// 16 hex digits of the SHA-256 of its base64 text.
    public static func fingerprint(ofPublicKey key: String) -> String {
        String(EventChain.hash(bytes: Array(key.utf8)).prefix(16))
    }
}
