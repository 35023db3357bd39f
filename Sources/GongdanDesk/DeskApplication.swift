import Foundation
import GongdanNode
import GongdanText
import GongdanWeb
import Hummingbird
import Logging
import ServiceLifecycle

/// `gongdan desk`: the node's web interface for its clerks, served from its own replica, working
/// fully offline (docs/desk.md). Loopback by default; any other address needs a password
/// (``DeskAccess``).
public struct DeskApplication: Sendable {
    /// The node service of the replica the desk serves (each clerk acts through it under their own name).
    public let service: NodeService
    public let host: String
    public let port: Int
    public let access: DeskAccess
    public let language: Language
    /// The gongdan version reported to the hub when the desk syncs.
    public let software: String
    public let logger: Logger

    public init(service: NodeService, host: String = "127.0.0.1", port: Int = 8300, password: String? = nil,
                language: Language = .zh, software: String, logger: Logger = Logger(label: "gongdan.desk")) throws(DeskError) {
        self.service = service
        self.host = host
        self.port = port
        self.access = try DeskAccess(listenHost: host, password: password)
        self.language = language
        self.software = software
        self.logger = logger
    }

    public func buildRouter() -> Router<ClientRequestContext> {
        let router = Router(context: ClientRequestContext.self)
        router.add(middleware: DeskHostMiddleware(access: access))
        DeskController(node: service, queue: BlockingQueue(label: "gongdan.desk.replica"), access: access, language: language,
                       software: software)
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
