/// A conflict found in a ticket's history (or between two tickets, for duplicate intakes): what
/// happened, the events on both sides, and what the rules decided automatically.
public struct DetectedConflict: Hashable, Sendable, Codable {
    public var kind: ConflictKind
    /// The ticket the conflict is recorded on (for a duplicate intake, the newer ticket).
    public var ticket: String
    /// The events on both sides: for an assignment conflict the unit's superseded events, then the
    /// workstation's assignment; for a correction the two corrections; for a duplicate intake the
    /// two `created` events (older ticket first).
    public var events: [EventID]
    /// One line a person reads in the conflict queue.
    public var summary: String
    /// What the rules decided, and what an override would do.
    public var decision: String
    /// Identifies the conflict across re-detections, so recording it again changes nothing.
    public var key: String

    public init(kind: ConflictKind, ticket: String, events: [EventID], summary: String, decision: String, key: String) {
        self.kind = kind
        self.ticket = ticket
        self.events = events
        self.summary = summary
        self.decision = decision
        self.key = key
    }
}
