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
    /// The contact details this event commits to without carrying them (protocol 1.5): field name
    /// (a ``CorrectableField`` raw value) → hex SHA-256 commitment. The signed and hashed body holds
    /// only the commitment; the value travels beside the event, outside its signature, to the
    /// replicas allowed to read it (`docs/privacy.md`). Nil when nothing is sealed.
    public var sealed: [String: String]?

    public init(id: EventID, ticket: String, hlc: HybridTimestamp, clock: VectorClock, actor: Actor,
                payload: TicketEventPayload, prev: String? = nil, sealed: [String: String]? = nil) {
        self.id = id
        self.ticket = ticket
        self.hlc = hlc
        self.clock = clock
        self.actor = actor
        self.payload = payload
        self.prev = prev
        self.sealed = sealed
    }

    /// The wall-clock time of the event at its origin.
    public var time: Date { hlc.date }

    private enum CodingKeys: String, CodingKey {
        case id, ticket, hlc, clock, actor, payload, prev, sealed
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(EventID.self, forKey: .id), ticket: try c.decode(String.self, forKey: .ticket),
                  hlc: try c.decode(HybridTimestamp.self, forKey: .hlc), clock: try c.decode(VectorClock.self, forKey: .clock),
                  actor: try c.decode(Actor.self, forKey: .actor), payload: try c.decode(TicketEventPayload.self, forKey: .payload),
                  prev: try c.decodeIfPresent(String.self, forKey: .prev),
                  sealed: try c.decodeIfPresent([String: String].self, forKey: .sealed))
    }

    /// Encodes the event's ``sealedForm()``: a sealed value is never written, whoever encodes.
    public func encode(to encoder: any Encoder) throws {
        let event = sealedForm()
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(event.id, forKey: .id)
        try c.encode(event.ticket, forKey: .ticket)
        try c.encode(event.hlc, forKey: .hlc)
        try c.encode(event.clock, forKey: .clock)
        try c.encode(event.actor, forKey: .actor)
        try c.encode(event.payload, forKey: .payload)
        try c.encodeIfPresent(event.prev, forKey: .prev)
        try c.encodeIfPresent(event.sealed, forKey: .sealed)
    }
}
