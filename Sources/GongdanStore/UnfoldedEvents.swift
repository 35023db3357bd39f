import GongdanCore
import GongdanSync
import Synchronization

/// Events stored and not yet folded into the hub's projections, by commit sequence, kept so the
/// projector need not decode them from their stored bytes again. Bounded: past `capacity` events
/// are not kept (the projector reads those from the store). An entry is used only when its hash
/// matches the stored event's, so one left behind by a rolled-back transaction is never taken
/// for another event.
final class UnfoldedEvents: Sendable {
    struct Entry: Sendable {
        var event: TicketEvent
        var hash: String
    }

    let capacity: Int
    private let entries = Mutex<[Int64: Entry]>([:])

    init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    /// Keeps `events`, stored under `commits` (the same order), while there is room.
    func remember(_ events: [ChainedEvent], commits: [Int64]) {
        entries.withLock { entries in
            for (chained, commit) in zip(events, commits) where entries.count < capacity {
                entries[commit] = Entry(event: chained.event, hash: chained.hash)
            }
        }
    }

    /// Hands over (and forgets) every entry at or below `commit`.
    func take(through commit: Int64) -> [Int64: Entry] {
        entries.withLock { entries in
            guard !entries.isEmpty else { return [:] }
            let taken = entries.filter { $0.key <= commit }
            if taken.count == entries.count { entries.removeAll() } else { for key in taken.keys { entries[key] = nil } }
            return taken
        }
    }
}
