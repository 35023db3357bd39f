import Hummingbird

/// The hub's request context: Hummingbird's basic one plus the client's IP address, which the
/// public progress page's rate limit is kept by.
public struct HubRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address (`127.0.0.1`, `::1` …), or `unknown` when the connection has none
    /// (an in-process test channel).
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
