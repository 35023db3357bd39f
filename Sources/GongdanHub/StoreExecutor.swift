import Dispatch
import Foundation
import GongdanStore

/// Runs the hub store's blocking SQLite work off Swift's cooperative thread pool.
///
/// `HubStore` is synchronous, and its `DatabaseQueue` serialises every access anyway; a write
/// with `synchronous=FULL` waits on `fsync`. On a 2-core machine the cooperative pool has two
/// threads, which also serve the HTTP connections, so the store's calls run on one serial dispatch
/// queue instead: the same serialisation the database imposes, without stalling the server.
///
/// Pushes may be answered before they are folded into the projections (``BackgroundProjector``);
/// ``runFolded(_:)`` is for work that reads the projections.
final class StoreExecutor: Sendable {
    private let queue = DispatchQueue(label: "gongdan.hub.store")
    let store: HubStore
    let now: @Sendable () -> Date

    init(store: HubStore, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// Runs `work` on the store's queue and returns its result.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Runs `work` on the store's queue once every stored event is folded into the projections.
    func runFolded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let store = store, now = now
        return try await run {
            try store.catchUpProjections(now: now())
            return try work()
        }
    }

    /// Runs CPU-bound `work` (that touches no store) on the global queue, off the cooperative pool
    /// and off the store's queue, so the store's writer never waits for it.
    func compute<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
