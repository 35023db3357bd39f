/// The events of a ticket that one of its events had seen when it was made: per node, as many of that
/// node's events on the ticket (in seq order) as the event's vector clock counts, its own excluded.
struct CausalPast {
    /// Each event's rank among its origin's events on the ticket (1 for the first).
    private var rank: [EventID: Int] = [:]
    private let events: [TicketEvent]

    init(_ events: [TicketEvent]) {
        self.events = events
        var byOrigin: [String: [Int64]] = [:]
        for event in events { byOrigin[event.id.origin, default: []].append(event.id.seq) }
        for (origin, seqs) in byOrigin {
            for (index, seq) in seqs.sorted().enumerated() { rank[EventID(origin: origin, seq: seq)] = index + 1 }
        }
    }

    /// The events `event` had seen when it was made.
    func events(before event: TicketEvent) -> [TicketEvent] {
        events.filter { other in
            guard other.id != event.id, let position = rank[other.id] else { return false }
            let seen = event.clock[other.id.origin] - (other.id.origin == event.id.origin ? 1 : 0)
            return position <= seen && (other.id.origin != event.id.origin || other.id.seq < event.id.seq)
        }
    }
}
