import Hummingbird

/// The request context of the hub and the desk: Hummingbird's basic one plus the client's IP address,
/// which the rate limits are kept by, and the same-origin rule for form posts.
public struct ClientRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address (`127.0.0.1`, `::1` …), or `unknown` when the connection has none
    /// (an in-process test channel).
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The client a rate limit is kept for: the peer's address, or — when the peer is the operator's
    /// `--trusted-proxy` (nil: none) — the last address that proxy put in `X-Forwarded-For`, so the public
    /// behind one proxy do not share one bucket (``RequestOrigin/client(peer:forwardedFor:trustedProxy:)``).
    public func client(of request: Request, trustedProxy: String?) -> String {
        RequestOrigin.client(peer: clientAddress, forwardedFor: request.headers[.init("X-Forwarded-For")!], trustedProxy: trustedProxy)
    }

    /// Whether a form post comes from one of this server's pages (``RequestOrigin/isSameOrigin(origin:fetchSite:host:)``);
    /// behind the trusted proxy, the host it forwards in `X-Forwarded-Host` is the one compared.
    public func isSameOrigin(_ request: Request, trustedProxy: String?) -> Bool {
        var host = request.head.authority
        if let trustedProxy, clientAddress == trustedProxy, let forwarded = request.headers[.init("X-Forwarded-Host")!] {
            host = forwarded.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return RequestOrigin.isSameOrigin(origin: request.headers[.origin], fetchSite: request.headers[.init("Sec-Fetch-Site")!],
                                          host: host)
    }
}
