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

    public init(id: EventID, ticket: String, hlc: HybridTimestamp, clock: VectorClock, actor: Actor,
                payload: TicketEventPayload) {
        self.id = id
        self.ticket = ticket
        self.hlc = hlc
        self.clock = clock
        self.actor = actor
        self.payload = payload
    }

    /// The wall-clock time of the event at its origin.
    public var time: Date { hlc.date }
}
