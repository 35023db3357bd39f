import Foundation
import GongdanCore
import GongdanStore
import GongdanSync
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import ServiceLifecycle
import GongdanWeb

/// The district hub's HTTP server over a ``GongdanStore/HubStore``: the sync API and the 12345 intake,
/// the viewers' web dashboard and the business entity's public progress page with its JSON API.
///
/// | route | what |
/// | --- | --- |
/// | `GET /healthz` | liveness and the store readable, no credential |
/// | `GET /metrics` | Prometheus metrics (``HubMetrics``), no credential |
/// | `GET /api/v1/sync/state` | what the hub holds of the caller |
/// | `POST /api/v1/sync/push` | a change set of the caller's events |
/// | `GET /api/v1/sync/pull?after=&limit=` | the next page of the caller's feed |
/// | `POST /api/v1/intake` | a 12345 hotline item becomes a `HUB` ticket (the platform's own token) |
/// | `GET /api/v1/public/tickets/{code}?query=` | the entity's view of its ticket (no credential, rate-limited) |
/// | `POST /api/v1/public/tickets/{code}/evaluation` | the entity's own evaluation of an accepted reply |
/// | `GET /login`, `POST /login`, `POST /logout` | viewers' session (see `DashboardController`) |
/// | `GET /dashboard`, `GET /dashboard/{table}.csv` | the dashboard and its CSV exports (a session required) |
/// | `GET /progress`, `POST /progress`, `POST /progress/evaluation` | the public progress page |
///
/// ```swift
/// let hub = HubApplication(store: store, host: "127.0.0.1", port: 0)
/// try await hub.run { port in print("listening on http://127.0.0.1:\(port)") }
/// ```
public struct HubApplication: Sendable {
    public let store: HubStore
    public let host: String
    public let port: Int
    public let logger: Logger
    /// The hub's clock (fixed in tests and by `GONGDAN_NOW`).
    public let now: @Sendable () -> Date
    /// What `GET /metrics` reports.
    public let metrics: HubMetrics
    /// Public lookups and evaluations per client address: at most `burst` at once, refilled at
    /// `perMinute` a minute.
    public let publicLimit: (burst: Int, perMinute: Double)
    /// The reverse proxy (its address as the hub sees it, e.g. `127.0.0.1`) whose `X-Forwarded-For` names
    /// the client for the rate limits, and whose `X-Forwarded-Host` the Origin check compares; nil (the
    /// default): the peer's own address counts and those headers are ignored (`hub serve --trusted-proxy`).
    public let trustedProxy: String?
    /// HTTPS with this server configuration (``HubTLSFiles``); nil: plain HTTP.
    public let tls: TLSConfiguration?
    /// A connection that sends nothing for this long is closed: an idle keep-alive connection, and one
    /// whose request head has not arrived in full (a half-sent request holds no file descriptor for long).
    public let idleTimeout: Duration
    /// How long a request may take to arrive and how many connections one address may hold.
    public let connectionLimits: ConnectionLimits

    /// The default ``idleTimeout``: long enough for a node on a slow line, short enough that a client
    /// opening connections and sending nothing cannot exhaust the hub's file descriptors.
    public static let defaultIdleTimeout: Duration = .seconds(30)

    public init(store: HubStore, host: String = "127.0.0.1", port: Int = 8080,
                logger: Logger = Logger(label: "gongdan.hub"), metrics: HubMetrics = HubMetrics(),
                now: @escaping @Sendable () -> Date = { Date() },
                publicLimit: (burst: Int, perMinute: Double) = (burst: 20, perMinute: 10), trustedProxy: String? = nil,
                tls: TLSConfiguration? = nil, idleTimeout: Duration = HubApplication.defaultIdleTimeout,
                connectionLimits: ConnectionLimits = ConnectionLimits()) {
        self.store = store
        self.host = host
        self.port = port
        self.logger = logger
        self.metrics = metrics
        self.now = now
        self.publicLimit = publicLimit
        self.trustedProxy = trustedProxy
        self.tls = tls
        self.idleTimeout = idleTimeout
        self.connectionLimits = connectionLimits
    }

    /// The routes, with the error mapping around all of them and the protocol check on the API.
    public func buildRouter() -> Router<HubRequestContext> {
        let router = Router(context: HubRequestContext.self)
        router.add(middleware: SyncErrorMiddleware(metrics: metrics))
        let executor = StoreExecutor(store: store, now: now)
        let projector = BackgroundProjector(store: store, executor: executor, now: now, logger: logger)
        OperatorController(store: store, executor: executor, metrics: metrics, now: now).addRoutes(to: router)
        let api = router.group("api/v1").add(middleware: ProtocolHeaderMiddleware())
        SyncController(store: store, executor: executor, projector: projector, metrics: metrics,
                       answerKey: try? store.signingKey(), now: now)
            .addRoutes(to: api.group("sync"))
        IntakeController(store: store, executor: executor, now: now).addRoutes(to: api)
        let limiter = RateLimiter(.init(burst: publicLimit.burst, perMinute: publicLimit.perMinute))
        PublicProgressController(store: store, executor: executor, now: now, limiter: limiter, trustedProxy: trustedProxy)
            .addRoutes(to: router)
        DashboardController(store: store, executor: executor, now: now, trustedProxy: trustedProxy, servesTLS: tls != nil)
            .addRoutes(to: router)
        return router
    }

    /// The Hummingbird application, over HTTPS when ``tls`` is set; `onServerRunning` gets the bound
    /// port (the real one when `port` is 0).
    public func makeApplication(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        let limits = connectionLimits, logger = logger, metrics = metrics
        let ledger = ConnectionLedger(maxPerAddress: limits.maxPerAddress, exempt: trustedProxy)
        let http1 = HTTPServerBuilder.http1(configuration: .init(
            additionalChannelHandlers: [ConnectionGuard(limits: limits, ledger: ledger, logger: logger, metrics: metrics)],
            idleTimeout: .init(idleTimeout)))
        let server: HTTPServerBuilder = try tls.map { try .tls(http1, tlsConfiguration: $0) } ?? http1
        return Application(router: buildRouter(), server: server,
                           configuration: .init(address: .hostname(host, port: port), serverName: "gongdan-hub"),
                           onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
                           logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, then shuts down gracefully (in-flight requests finish).
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = try makeApplication(onServerRunning: onServerRunning)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
