import Foundation
import Hummingbird
import ServiceLifecycle

extension HubApplication {
    /// Starts the server (port 0: any free port), runs `body` with the bound port, then shuts the
    /// server down gracefully, for tests and tools that need a real hub in-process.
    ///
    /// ```swift
    /// try await HubApplication(store: store, port: 0).withRunningServer { port in
    ///     // talk to http://127.0.0.1:\(port)
    /// }
    /// ```
    public func withRunningServer<T>(_ body: (Int) async throws -> T) async throws -> T {
        let (ports, announce) = AsyncStream<Int>.makeStream()
        let app = try makeApplication { port in announce.yield(port) }
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { announce.finish() }
                try await group.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await tasks.waitForAll()  // the server failed to start: surface its error
                throw CancellationError()
            }
            do {
                let result = try await body(port)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return result
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }
}
