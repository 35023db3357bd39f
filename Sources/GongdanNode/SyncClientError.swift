import GongdanSync

/// Why a sync attempt failed on the node's side. Local work is never affected: events wait in the
/// replica until a later attempt succeeds.
public enum SyncClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No hub configured.
    case notConfigured
    /// The hub could not be reached (network down, hub stopped, timeout).
    case unreachable(url: String, reason: UnreachableReason)
    /// The hub refused, with its protocol error.
    case refused(SyncError)
    /// The TLS check of the hub failed: its certificate is not signed by the pinned CA, does not name the
    /// URL's host, or the hub does not speak HTTPS. Nothing was sent past the handshake, nothing stored.
    case tlsRefused(url: String, reason: String)
    /// The answer does not carry a valid signature of the hub key this node pinned (1.6): altered on the
    /// way, or from another server. Nothing of it was stored.
    case answerNotSigned(url: String, fingerprint: String)
    /// The hub answered something that is not the protocol.
    case badResponse(url: String, status: Int, detail: String)
    /// The credential belongs to another node.
    case wrongNode(configured: String, hubSays: String)
    /// The credential is this node's, but the hub registered it in another role.
    case wrongRole(node: String, configured: String, hubSays: String)
    /// The hub holds more of this node's own events than its feed gave back (after a restore or
    /// a recovery); the node records nothing until they are back.
    case ownEventsMissing(node: String, hubHas: Int64, local: Int64)
    /// `init --recover` with a credential whose node still has its old key registered.
    case keyStillRegistered(node: String)

    public var description: String {
        switch self {
        case .notConfigured:
            "no hub is configured: run `gongdan remote set URL --token TOKEN` (the hub operator prints the token with `gongdan hub node add`)"
        case .unreachable(let url, let reason):
            "the hub at \(url) cannot be reached (\(reason)); work goes on offline and unsent events wait for the next `gongdan sync`"
        case .tlsRefused(let url, let reason):
            "the hub at \(url) failed the TLS check (\(reason)): its certificate is not signed by the CA this node pinned, does not name the URL's host, or the hub does not speak HTTPS; nothing was sent or stored. Check the URL; if the hub has a new CA, get its ca.pem from the hub operator and run `gongdan remote set URL --token TOKEN --hub-ca ca.pem`"
        case .answerNotSigned(let url, let fingerprint):
            "the answer from \(url) does not carry a valid signature of the hub key this node pinned (fingerprint \(fingerprint)): it was altered on the way, or another server answered; nothing of it was stored. Check the network path to the hub; if the hub was really reinstalled with a new key, ask its operator for the key (`gongdan hub info`) and run `gongdan remote set URL --token TOKEN --hub-key KEY`"
        case .refused(let error):
            "the hub refused: \(error.message) [\(error.code.rawValue)]"
        case .badResponse(let url, let status, let detail):
            "the hub at \(url) answered HTTP \(status) outside the protocol (\(detail)); check the URL points at a gongdan hub"
        case .wrongNode(let configured, let hubSays):
            "this replica is node \(configured) but the hub knows the credential as node \(hubSays); set this node's own token with `gongdan remote set`"
        case .wrongRole(let node, let configured, let hubSays):
            "the hub registered node \(node) as a \(hubSays), not a \(configured); give --role \(hubSays), or ask the hub operator to register the node again"
        case .ownEventsMissing(let node, let hubHas, let local):
            "the hub holds \(node)'s events up to #\(hubHas) but this replica got back only up to #\(local); it records nothing until it has them — run `gongdan sync` again, and tell the hub operator if this persists"
        case .keyStillRegistered(let node):
            "the hub still holds the signing key of \(node)'s previous replica, so this new replica could not push; the replica was not initialised — ask the hub operator to run `gongdan hub node rekey \(node)` and use the token it prints"
        }
    }
}
