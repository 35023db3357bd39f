import Foundation
import GongdanCore
import GongdanNode
import GongdanSync

/// Wraps a transport and cuts exchanges at random, as a flaky network does: with probability
/// `rate` a call fails either **before** it reaches the hub, or **after** the hub processed it (the
/// hub stored the push or served the page, but the node never hears back). Sessions then fail
/// half-way, and the next session replays what the node cannot know arrived.
///
/// Seeded, so a simulation replays exactly. Calls are serialised by a lock (a simulation runs one
/// session at a time anyway).
public final class CuttingSyncTransport: SyncTransport, @unchecked Sendable {
    /// Where a call was cut.
    public enum Cut: String, Hashable, Sendable, CaseIterable {
        /// The request never reached the hub.
        case before
        /// The hub processed the request; its answer was lost.
        case after
    }

    /// Which call of the protocol.
    public enum Step: String, Hashable, Sendable, CaseIterable {
        case state, push, pull
    }

    let base: any SyncTransport
    private let lock = NSLock()
    private var random: SeededRandom
    private var cutRate: Double
    private var counts: [Step: [Cut: Int]] = [:]
    private var replayCount = 0

    public init(_ base: any SyncTransport, rate: Double, seed: UInt64) {
        self.base = base
        cutRate = rate
        random = SeededRandom(seed: seed)
    }

    /// The probability of a cut per call; 0 turns cutting off.
    public var rate: Double {
        get { lock.withLock { cutRate } }
        set { lock.withLock { cutRate = newValue } }
    }

    /// How many calls were cut, by step and place.
    public func cuts(_ step: Step, _ cut: Cut) -> Int {
        lock.withLock { counts[step]?[cut] ?? 0 }
    }

    public func state() async throws -> SyncState {
        try await call(.state) { try await base.state() }
    }

    /// Pushes the batch. When the answer to a push the hub processed is lost, half the time the
    /// transport sends the very same request again at once and returns that answer, as a retrying
    /// HTTP client or proxy would: the hub must answer the replay with `duplicates` and store nothing.
    public func push(_ batch: OutgoingPush) async throws -> PushResponse {
        do {
            return try await call(.push) { try await base.push(batch) }
        } catch let error as SyncClientError where error == Self.failure(.push, .after) {
            let replay = lock.withLock {
                guard Bool.random(using: &random) else { return false }
                replayCount += 1
                return true
            }
            guard replay else { throw error }
            return try await base.push(batch)
        }
    }

    /// Pushes the transport re-sent after a lost answer.
    public var replays: Int { lock.withLock { replayCount } }

    public func pull(after cursor: Int64, limit: Int) async throws -> PullResponse {
        try await call(.pull) { try await base.pull(after: cursor, limit: limit) }
    }

    /// Draws the fate of one call, then makes it (or not).
    func call<Response>(_ step: Step, _ body: () async throws -> Response) async throws -> Response {
        let cut: Cut? = lock.withLock {
            guard cutRate > 0, Double.random(in: 0..<1, using: &random) < cutRate else { return nil }
            let cut: Cut = Bool.random(using: &random) ? .before : .after
            counts[step, default: [:]][cut, default: 0] += 1
            return cut
        }
        if cut == .before { throw Self.failure(step, .before) }
        let response = try await body()
        if cut == .after { throw Self.failure(step, .after) }
        return response
    }

    static func failure(_ step: Step, _ cut: Cut) -> SyncClientError {
        .unreachable(url: "sim://hub", reason: .other(cut == .before
            ? "connection cut before the \(step.rawValue) reached the hub"
            : "connection cut after the hub processed the \(step.rawValue)"))
    }
}
