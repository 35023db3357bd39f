import Foundation

/// The node's side of syncing with the hub, as kept in its replica.
public struct SyncSettings: Hashable, Sendable {
    /// The hub's base URL, e.g. `http://10.0.0.5:8080`.
    public var hubURL: String?
    /// The node's bearer credential at the hub.
    public var token: String?
    /// The CA certificate (PEM) this node trusts for the hub over HTTPS, and no other; nil: the system's roots.
    public var hubCA: String? = nil
    /// The hub's Ed25519 public key (base64) this node pinned: it accepts only answers and reply bundles
    /// signed by it. Nil until the first contact pins it (or `--hub-key` gives it).
    public var hubKey: String? = nil
    /// Position in this node's feed at the hub: the `after` of the next pull.
    public var cursor: Int64
    /// Highest own seq the hub acknowledged.
    public var hubHas: Int64
    /// This node's last own seq.
    public var lastSeq: Int64
    public var lastSuccess: Date?
    public var lastAttempt: Date?
    public var lastError: String?
    /// When the first failed attempt since the last success happened.
    public var offlineSince: Date?

    /// Own events the hub has not acknowledged.
    public var unsent: Int64 { max(0, lastSeq - hubHas) }
    /// Whether a hub is configured.
    public var isConfigured: Bool { hubURL != nil && token != nil }
}
