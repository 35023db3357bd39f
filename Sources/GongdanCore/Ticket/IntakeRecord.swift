import Foundation

/// What duplicate detection needs to know of a ticket's intake: its code, entity, summary, when it
/// was taken in and by which event.
public struct IntakeRecord: Hashable, Sendable, Codable {
    public var code: String
    public var entityName: String
    public var creditCode: String?
    public var summary: String
    public var createdAt: Date
    /// The ticket's `created` event.
    public var createdEvent: EventID
    /// The ticket was merged into another (no longer a candidate).
    public var merged: Bool

    public init(code: String, entityName: String, creditCode: String?, summary: String, createdAt: Date,
                createdEvent: EventID, merged: Bool = false) {
        self.code = code
        self.entityName = entityName
        self.creditCode = creditCode
        self.summary = summary
        self.createdAt = createdAt
        self.createdEvent = createdEvent
        self.merged = merged
    }
}
