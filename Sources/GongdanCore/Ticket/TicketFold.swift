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

    /// The state of the ticket, or nil when the events hold no admissible `created` event.
    ///
    /// Each event is first judged by ``TicketRules`` against the ticket as its author saw it — the fold
    /// of its causal past, which is simply the state so far unless the event was concurrent with
    /// others — and an event the table refuses changes nothing (it is listed in
    /// ``TicketState/refusedEvents``). Derived values (deadlines, limits) are computed from `policy`.
    public static func fold(_ events: [TicketEvent], policy: DistrictPolicy = .official) -> TicketState? {
        fold(events, policy: policy) { _, _ in }
    }

    /// ``fold(_:policy:)``, telling `refused` of every event the table refuses and why.
    public static func fold(_ events: [TicketEvent], policy: DistrictPolicy,
                            refused: (TicketEvent, RuleViolation) -> Void) -> TicketState? {
        let ordered = causalOrder(events)
        guard let creationIndex = ordered.firstIndex(where: { $0.payload.type == "created" }) else { return nil }
        var state: TicketState?
        var placed = VectorClock()
        var past: CausalPast?
        for (index, event) in ordered.enumerated() {
            defer { placed.increment(event.id.origin) }
            if index == creationIndex {
                do { try TicketRules.check(event, on: nil, policy: policy) } catch {
                    refused(event, error)
                    return nil
                }
                state = TicketState(creation: event, policy: policy)
                continue
            }
            guard var current = state else {
                refused(event, RuleViolation("\(TicketRules.rule(for: event.payload.type).action.rawValue).ticket", .unknownTicket(event.ticket)))
                continue
            }
            let view: TicketState?
            if placed.isExactPast(of: event.clock, origin: event.id.origin) {
                view = current
            } else {
                if past == nil { past = CausalPast(ordered) }
                view = fold(past!.events(before: event), policy: policy)
            }
            do {
                try TicketRules.check(event, on: view, policy: policy)
                current.apply(event, policy: policy)
            } catch {
                refused(event, error)
                current.ignore(event)
            }
            state = current
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
