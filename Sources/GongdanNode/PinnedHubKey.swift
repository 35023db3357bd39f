import GongdanSync

/// The hub's Ed25519 public key as a node pinned it, with the node's own code: every answer the node
/// accepts must carry the hub's signature under this key, bound to this node and to the request's
/// nonce (``GongdanSync/HubAnswerSignature``).
public struct PinnedHubKey: Hashable, Sendable {
    /// Base64 Ed25519 public key (`SyncState.hubKey`, `gongdan hub info`).
    public let publicKey: String
    /// The node whose requests are answered.
    public let node: String

    public init(publicKey: String, node: String) {
        self.publicKey = publicKey
        self.node = node
    }

    /// The short fingerprint an operator compares by eye.
    public var fingerprint: String { NodeSigningKey.fingerprint(ofPublicKey: publicKey) }

    /// Whether `signature` (the `Gongdan-Signature` header; nil when absent) is the hub's on `body`
    /// answering the request sent with `nonce`.
    public func accepts(_ signature: String?, body: some Sequence<UInt8>, nonce: String) -> Bool {
        guard let signature else { return false }
        return HubAnswerSignature.verify(signature, body: body, node: node, nonce: nonce, hubKey: publicKey)
    }
}
