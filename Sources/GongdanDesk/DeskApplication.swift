import Foundation
import GongdanStore
import GongdanText
import GongdanWeb
import Hummingbird
import Logging
import ServiceLifecycle

/// `gongdan desk`: the node's web interface for its clerks, served from its own replica, working
/// fully offline (docs/desk.md). Loopback by default; any other address needs a password
/// (``DeskAccess``).
public struct DeskApplication: Sendable {
    public let store: ReplicaStore
    public let host: String
    public let port: Int
    public let access: DeskAccess
    public let language: Language
    /// The gongdan version reported to the hub when the desk syncs.
    public let software: String
    public let logger: Logger
    public let now: @Sendable () -> Date

    public init(store: ReplicaStore, host: String = "127.0.0.1", port: Int = 8300, password: String? = nil,
                language: Language = .zh, software: String, logger: Logger = Logger(label: "gongdan.desk"),
                now: @escaping @Sendable () -> Date = { Date() }) throws(DeskError) {
        self.store = store
        self.host = host
        self.port = port
        self.access = try DeskAccess(listenHost: host, password: password)
        self.language = language
        self.software = software
        self.logger = logger
        self.now = now
    }

    public func buildRouter() -> Router<DeskRequestContext> {
        let router = Router(context: DeskRequestContext.self)
        router.add(middleware: DeskHostMiddleware(access: access))
        DeskController(store: store, queue: BlockingQueue(label: "gongdan.desk.replica"), access: access, language: language,
                       software: software, now: now)
            .addRoutes(to: router)
        return router
    }

    public func makeApplication(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: buildRouter(), configuration: .init(address: .hostname(host, port: port), serverName: "gongdan-desk"),
                    onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }

    /// Serves until SIGINT or SIGTERM.
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = makeApplication(onServerRunning: onServerRunning)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
