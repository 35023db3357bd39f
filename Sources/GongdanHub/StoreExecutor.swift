import Dispatch
import Foundation
import GongdanStore
import GongdanWeb

/// Runs the hub store's blocking SQLite work off Swift's cooperative thread pool, on one serial
/// ``BlockingQueue`` (see there why).
///
/// Pushes may be answered before they are folded into the projections (``BackgroundProjector``);
/// ``runFolded(_:)`` is for work that reads the projections.
final class StoreExecutor: Sendable {
    private let queue = BlockingQueue(label: "gongdan.hub.store")
    let store: HubStore
    let now: @Sendable () -> Date

    init(store: HubStore, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// Runs `work` on the store's queue and returns its result.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await queue.run(work)
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
