import GongdanSync

/// Why a sync attempt failed on the node's side. Local work is never affected: events wait in the
/// replica until a later attempt succeeds.
public enum SyncClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No hub configured.
    case notConfigured
    /// The hub could not be reached (network down, hub stopped, timeout).
    case unreachable(url: String, reason: String)
    /// The hub refused, with its protocol error.
    case refused(SyncError)
    /// The hub answered something that is not the protocol.
    case badResponse(url: String, status: Int, detail: String)
    /// The credential belongs to another node.
    case wrongNode(configured: String, hubSays: String)

    public var description: String {
        switch self {
        case .notConfigured:
            "no hub is configured: run `gongdan remote set URL --token TOKEN` (the hub operator prints the token with `gongdan hub node add`)"
        case .unreachable(let url, let reason):
            "the hub at \(url) cannot be reached (\(reason)); work goes on offline and unsent events wait for the next `gongdan sync`"
        case .refused(let error):
            "the hub refused: \(error.message) [\(error.code.rawValue)]"
        case .badResponse(let url, let status, let detail):
            "the hub at \(url) answered HTTP \(status) outside the protocol (\(detail)); check the URL points at a gongdan hub"
        case .wrongNode(let configured, let hubSays):
            "this replica is node \(configured) but the hub knows the credential as node \(hubSays); set this node's own token with `gongdan remote set`"
        }
    }
}
