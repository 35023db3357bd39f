import Foundation
import Synchronization

/// Keeps a node's pushes in seq order when it sends the next batch before the hub has answered
/// the one before (``GongdanNode/PushPipeline``): a push that starts past what the hub holds of
/// its node waits, briefly, for the earlier push to be stored, instead of being refused as a
/// seq gap. Past `patience` it goes on, and the store refuses it as before. When the earlier push
/// is refused meanwhile, the waiting one is refused at once without reaching the store, so the
/// node's health line keeps the first refusal, the one that says what went wrong.
final class PushOrder: Sendable {
    /// Whether a push may go to the store.
    enum Turn: Equatable {
        case go
        /// A push of the same node was refused while this one waited; the hub holds seqs up to `hubHas`.
        case earlierRefused(hubHas: Int64)
    }

    let patience: Duration

    private struct Progress {
        /// The seq after the last one the node's stored pushes reached.
        var next: Int64
        /// How many of the node's pushes were refused in this run.
        var refusals = 0
    }
    private let nodes = Mutex<[String: Progress]>([:])

    init(patience: Duration = .seconds(2)) {
        self.patience = patience
    }

    /// Returns when the push of `node` starting at `firstSeq` may be stored, or must be refused.
    func waitTurn(node: String, firstSeq: Int64?) async -> Turn {
        guard let firstSeq, let start = nodes.withLock({ $0[node] }) else { return .go }
        let deadline = ContinuousClock.now + patience
        while true {
            let now = nodes.withLock { $0[node] } ?? start
            if now.refusals > start.refusals && firstSeq > now.next { return .earlierRefused(hubHas: now.next - 1) }
            if firstSeq <= now.next || ContinuousClock.now >= deadline { return .go }
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    /// Records that the hub now holds `node`'s events through `hubHas`.
    func stored(node: String, hubHas: Int64) {
        nodes.withLock { nodes in
            let next = max(nodes[node]?.next ?? 0, hubHas + 1)
            nodes[node, default: Progress(next: next)].next = next
        }
    }

    /// Records that a push of `node` was refused.
    func refused(node: String) {
        nodes.withLock { $0[node]?.refusals += 1 }
    }
}
