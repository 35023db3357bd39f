import Foundation
import GongdanStore
import GongdanSync
import Logging
import Synchronization

/// Folds deferred pushes (``HubStore/ProjectionTiming/deferred``) into the hub's projections
/// while the nodes are quiet.
///
/// A push is answered once its events are stored; its fold waits until no push has been in flight
/// for `idle`, so a node pushing batch after batch never waits for the fold of the previous
/// one — unless the backlog passes `maxBacklog` events, when the fold goes on between pushes to
/// bound it. Folding runs on the store's queue in transactions of `chunk` events. Every reader
/// that needs the projections (a pull, the dashboard, the public page) folds what is left first,
/// so nobody sees a push the hub acknowledged without its effects.
final class BackgroundProjector: Sendable {
    let store: HubStore
    let executor: StoreExecutor
    let now: @Sendable () -> Date
    let logger: Logger
    let idle: Duration
    let chunk: Int
    let maxBacklog: Int64

    private struct State {
        var pushesInFlight = 0
        var lastPush = ContinuousClock.now
        var running = false
        var kicked = false
        /// Events acknowledged and not yet folded here (readers may have folded some).
        var backlog: Int64 = 0
    }
    private let state = Mutex(State())

    init(store: HubStore, executor: StoreExecutor, now: @escaping @Sendable () -> Date, logger: Logger,
         idle: Duration = .milliseconds(50), chunk: Int = 1000, maxBacklog: Int64 = 100_000) {
        self.store = store
        self.executor = executor
        self.now = now
        self.logger = logger
        self.idle = idle
        self.chunk = chunk
        self.maxBacklog = maxBacklog
    }

    /// Runs `push` (reading and storing a push) counted as in flight, then folds what it stored
    /// in the background.
    func push(_ push: () async throws -> PushResponse) async throws -> PushResponse {
        state.withLock { $0.pushesInFlight += 1; $0.lastPush = .now }
        var accepted = 0
        defer {
            let start = state.withLock { state in
                state.pushesInFlight -= 1
                state.lastPush = .now
                state.backlog += Int64(accepted)
                state.kicked = state.kicked || accepted > 0
                guard state.kicked, !state.running else { return false }
                state.running = true
                return true
            }
            if start { Task.detached { await self.run() } }
        }
        let answer = try await push()
        accepted = answer.accepted
        return answer
    }

    /// Folds until nothing is left and no push came in meanwhile.
    private func run() async {
        var pause = Duration.seconds(1)
        while true {
            await waitForQuiet()
            let folded: Int
            do {
                let store = store, now = now, chunk = chunk
                folded = try await executor.run { try store.projectPending(limit: chunk, now: now()) }
                pause = .seconds(1)
            } catch {
                // The events stay stored, and every reader folds first (and so meets the error itself).
                // Retry after a pause that doubles while the failure lasts, up to a minute.
                logger.error("folding stored events into the projections failed (retrying in \(pause)): \(error)")
                try? await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(60))
                folded = 1
            }
            let done = state.withLock { state in
                state.backlog = folded == 0 ? 0 : max(0, state.backlog - Int64(folded))
                if folded == 0 && !state.kicked {
                    state.running = false
                    return true
                }
                state.kicked = false
                return false
            }
            if done { return }
        }
    }

    /// Returns once no push has been in flight for `idle`, or at once when the backlog is too long to wait.
    private func waitForQuiet() async {
        while true {
            let (busy, since, backlog) = state.withLock { ($0.pushesInFlight > 0, $0.lastPush, $0.backlog) }
            let quietFor = ContinuousClock.now - since
            if (!busy && quietFor >= idle) || backlog >= maxBacklog { return }
            try? await Task.sleep(for: busy ? idle : idle - quietFor)
        }
    }
}
