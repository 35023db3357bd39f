import GongdanCore

/// The stamps of the events the hub holds on the tickets of a push, by ticket and origin in seq order,
/// so ``StampRules`` can tell the latest stamp among the events an event saw (its vector clock counts
/// the first `n` events of each origin on its ticket).
public struct TicketStamps: Hashable, Sendable {
    /// ticket → origin → stamps of that origin's events on the ticket, by seq.
    var stamps: [String: [String: [Stamp]]] = [:]

    struct Stamp: Hashable, Sendable {
        var seq: Int64
        var hlc: HybridTimestamp
    }

    public init() {}

    /// The stamps of `events` (any tickets, any order).
    public init(_ events: some Sequence<TicketEvent>) {
        for event in events { add(event.id, ticket: event.ticket, hlc: event.hlc) }
    }

    /// Adds one held event.
    public mutating func add(_ id: EventID, ticket: String, hlc: HybridTimestamp) {
        var byOrigin = stamps[ticket, default: [:]]
        var list = byOrigin[id.origin, default: []]
        guard !list.contains(where: { $0.seq == id.seq }) else { return }
        let index = list.firstIndex { $0.seq > id.seq } ?? list.endIndex
        list.insert(Stamp(seq: id.seq, hlc: hlc), at: index)
        byOrigin[id.origin] = list
        stamps[ticket] = byOrigin
    }

    /// The latest stamp among the events of `ticket` that `clock` counts (not counting `own`, the event
    /// being checked), with that event's id; nil when it counts none the hub holds.
    public func latestSeen(on ticket: String, by clock: VectorClock, own: EventID) -> (id: EventID, hlc: HybridTimestamp)? {
        guard let byOrigin = stamps[ticket] else { return nil }
        var latest: (id: EventID, hlc: HybridTimestamp)?
        for (origin, count) in clock.counts {
            let seen = (byOrigin[origin] ?? []).prefix(origin == own.origin ? max(0, count - 1) : count)
            for stamp in seen where stamp.seq != own.seq || origin != own.origin {
                if latest.map({ stamp.hlc > $0.hlc }) ?? true { latest = (EventID(origin: origin, seq: stamp.seq), stamp.hlc) }
            }
        }
        return latest
    }
}
