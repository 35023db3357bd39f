/// Why the hub could not be reached, told apart where the network error arises (``HTTPSyncTransport``)
/// so that each language can say it in its own words.
public enum UnreachableReason: Hashable, Sendable, CustomStringConvertible {
    /// Nothing listens at the URL's host and port (the hub is stopped, or the port is wrong).
    case refused
    /// The hub did not answer, or not in time.
    case timedOut
    /// The hub closed the connection before it answered.
    case closedByHub
    /// The connection was cut while TLS was being set up.
    case cutDuringTLS
    /// Any other network failure, in the network library's words.
    case other(String)

    public var description: String {
        switch self {
        case .refused: "the connection was refused: the hub is not running, or the URL's port is wrong"
        case .timedOut: "the hub did not answer in time"
        case .closedByHub: "the hub closed the connection"
        case .cutDuringTLS: "the connection was cut during the TLS exchange"
        case .other(let text): text
        }
    }
}
