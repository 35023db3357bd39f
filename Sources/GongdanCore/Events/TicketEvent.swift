import Foundation

/// One immutable event in a ticket's history.
public struct TicketEvent: Hashable, Sendable, Codable {
    /// `(origin node, seq)`.
    public var id: EventID
    /// The ticket's code.
    public var ticket: String
    /// Hybrid logical clock reading at the origin.
    public var hlc: HybridTimestamp
    /// The ticket's vector clock as the origin saw it, this event included.
    public var clock: VectorClock
    public var actor: Actor
    public var payload: TicketEventPayload
    /// Hex SHA-256 of the canonical bytes of the origin's previous event (nil for its seq 1): the
    /// hash chain that makes each node's history tamper-evident (see `sync-protocol/`).
    public var prev: String?

    public init(id: EventID, ticket: String, hlc: HybridTimestamp, clock: VectorClock, actor: Actor,
                payload: TicketEventPayload, prev: String? = nil) {
        self.id = id
        self.ticket = ticket
        self.hlc = hlc
        self.clock = clock
        self.actor = actor
        self.payload = payload
        self.prev = prev
    }

    /// The wall-clock time of the event at its origin.
    public var time: Date { hlc.date }
}
