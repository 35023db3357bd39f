/// Folds a ticket's events into its state, the same way on every replica.
///
/// Events are put in causal order (an event comes after every event its vector clock says it saw),
/// ties among concurrent events broken by `(hlc, origin, seq)`; so any two replicas holding the
/// same set of events compute the same state, whatever order the events arrived in.
public enum TicketFold {
    /// The events in the order the fold applies them.
    ///
    /// Kahn's algorithm over the vector clocks: an event is ready once, for every node in its
    /// clock, that many of the node's events have been placed (its own origin's one fewer).
    /// Events whose predecessors are missing from the set are placed last, still deterministically.
    public static func causalOrder(_ events: [TicketEvent]) -> [TicketEvent] {
        if events.count < 2 { return events }
        var remaining = events.sorted(by: tieBreak)
        if isCausallySorted(remaining) { return remaining }
        var placed = VectorClock()
        var ordered: [TicketEvent] = []
        ordered.reserveCapacity(events.count)
        while !remaining.isEmpty {
            guard let index = remaining.firstIndex(where: { isReady($0, placed: placed) }) else {
                ordered.append(contentsOf: remaining)
                break
            }
            let event = remaining.remove(at: index)
            placed.increment(event.id.origin)
            ordered.append(event)
        }
        return ordered
    }

    /// The state of the ticket, or nil when the events hold no `created` event.
    public static func fold(_ events: [TicketEvent]) -> TicketState? {
        let ordered = causalOrder(events)
        guard let creationIndex = ordered.firstIndex(where: { $0.payload.type == "created" }),
              var state = TicketState(creation: ordered[creationIndex])
        else { return nil }
        for (index, event) in ordered.enumerated() where index != creationIndex {
            state.apply(event)
        }
        return state
    }

    /// The order among concurrent events: hybrid clock, then origin, then seq.
    static func tieBreak(_ a: TicketEvent, _ b: TicketEvent) -> Bool {
        (a.hlc, a.id.origin, a.id.seq) < (b.hlc, b.id.origin, b.id.seq)
    }

    /// `placed` counts, per node, the events already placed.
    private static func isReady(_ event: TicketEvent, placed: VectorClock) -> Bool {
        event.clock.entries.allSatisfy { entry in
            let needed = entry.node == event.id.origin ? entry.count - 1 : entry.count
            return placed[entry.node] >= needed
        }
    }

    /// Fast path: the hybrid-clock order is usually already causal.
    private static func isCausallySorted(_ events: [TicketEvent]) -> Bool {
        var placed = VectorClock()
        for event in events {
            guard isReady(event, placed: placed) else { return false }
            placed.increment(event.id.origin)
        }
        return true
    }
}
