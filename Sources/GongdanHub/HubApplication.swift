import Foundation
import GongdanCore
import GongdanStore
import GongdanSync
import Hummingbird
import Logging
import ServiceLifecycle

/// The district hub's HTTP server: the sync API and the 12345 intake over a ``GongdanStore/HubStore``.
///
/// | route | what |
/// | --- | --- |
/// | `GET /healthz` | liveness and the store readable, no credential |
/// | `GET /metrics` | Prometheus metrics (``HubMetrics``), no credential |
/// | `GET /api/v1/sync/state` | what the hub holds of the caller |
/// | `POST /api/v1/sync/push` | a change set of the caller's events |
/// | `GET /api/v1/sync/pull?after=&limit=` | the next page of the caller's feed |
/// | `POST /api/v1/intake` | a 12345 hotline item becomes a `HUB` ticket (the platform's own token) |
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

    public init(store: HubStore, host: String = "127.0.0.1", port: Int = 8080,
                logger: Logger = Logger(label: "gongdan.hub"), metrics: HubMetrics = HubMetrics(),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.host = host
        self.port = port
        self.logger = logger
        self.metrics = metrics
        self.now = now
    }

    /// The routes, with the error mapping around all of them and the protocol check on the API.
    public func buildRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SyncErrorMiddleware(metrics: metrics))
        let executor = StoreExecutor()
        OperatorController(store: store, executor: executor, metrics: metrics, now: now).addRoutes(to: router)
        let api = router.group("api/v1").add(middleware: ProtocolHeaderMiddleware())
        SyncController(store: store, executor: executor, metrics: metrics, now: now).addRoutes(to: api.group("sync"))
        IntakeController(store: store, executor: executor, now: now).addRoutes(to: api)
        return router
    }

    /// The Hummingbird application; `onServerRunning` gets the bound port (the real one when
    /// `port` is 0).
    public func makeApplication(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: buildRouter(), configuration: .init(address: .hostname(host, port: port), serverName: "gongdan-hub"),
                    onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
                    logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, then shuts down gracefully (in-flight requests finish).
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = makeApplication(onServerRunning: onServerRunning)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
