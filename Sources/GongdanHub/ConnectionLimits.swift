/// How long a request may take to arrive, and how many connections one client address may hold, so
/// that no client can keep the hub's file descriptors by trickling a request or opening connections.
public struct ConnectionLimits: Sendable, Hashable {
    /// A request's head must arrive in full this long after the connection opened or the previous answer
    /// ended (a head trickled byte by byte is cut here; an idle keep-alive connection is closed by
    /// ``HubApplication/idleTimeout`` as well).
    public var headTimeout: Duration
    /// A request's body must arrive in full this long after its head: 120 s carries the largest push
    /// (4 MiB) over a 300 kbit/s township line.
    public var bodyTimeout: Duration
    /// Connections one client address may hold at once; one more is closed as soon as it opens. A node
    /// uses a few, a browser six; the address of `--trusted-proxy` is not limited (every client behind it
    /// shares it).
    public var maxPerAddress: Int

    public init(headTimeout: Duration = .seconds(30), bodyTimeout: Duration = .seconds(120), maxPerAddress: Int = 32) {
        self.headTimeout = headTimeout
        self.bodyTimeout = bodyTimeout
        self.maxPerAddress = maxPerAddress
    }
}
