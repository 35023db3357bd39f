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

    /// The client a rate limit is kept for: the peer's address, or — when the peer is a reverse
    /// proxy on this machine (loopback) — the last address that proxy put in `X-Forwarded-For`, so
    /// the public behind one proxy do not share one bucket.
    func client(of request: Request) -> String {
        guard clientAddress == "127.0.0.1" || clientAddress == "::1",
              let forwarded = request.headers[.init("X-Forwarded-For")!],
              let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        else { return clientAddress }
        return last
    }
}
