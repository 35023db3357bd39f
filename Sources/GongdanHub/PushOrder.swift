import Foundation
import Synchronization

/// Keeps a node's pushes in seq order when it sends the next batch before the hub has answered
/// the one before (``GongdanNode/PushPipeline``): a push that starts past what the hub holds of
/// its node waits, briefly, for the earlier push to be stored, instead of being refused as a
/// seq gap. Past `patience` it goes on, and the store refuses it as before.
final class PushOrder: Sendable {
    let patience: Duration
    /// Per node, the seq after the last one its stored pushes reached.
    private let next = Mutex<[String: Int64]>([:])

    init(patience: Duration = .seconds(2)) {
        self.patience = patience
    }

    /// Returns when the push of `node` starting at `firstSeq` may be stored.
    func waitTurn(node: String, firstSeq: Int64?) async {
        guard let firstSeq else { return }
        let deadline = ContinuousClock.now + patience
        while let expected = next.withLock({ $0[node] }), firstSeq > expected, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    /// Records that the hub now holds `node`'s events through `hubHas`.
    func stored(node: String, hubHas: Int64) {
        next.withLock { $0[node] = max($0[node] ?? 0, hubHas + 1) }
    }
}
