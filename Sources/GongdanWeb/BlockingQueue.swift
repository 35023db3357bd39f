import Dispatch

/// Runs a store's blocking SQLite work off Swift's cooperative thread pool, one piece at a time.
///
/// The stores are synchronous and their `DatabaseQueue` serialises every access anyway; a write with
/// `synchronous=FULL` waits on `fsync`. On a 2-core machine the cooperative pool has two threads, which
/// also serve the HTTP connections, so a server runs its store calls on one serial dispatch queue
/// instead: the same serialisation the database imposes, without stalling the server.
public final class BlockingQueue: Sendable {
    private let queue: DispatchQueue

    public init(label: String) {
        queue = DispatchQueue(label: label)
    }

    /// Runs `work` on the queue and returns its result.
    public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
