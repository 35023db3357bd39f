import Foundation
import GongdanCore

/// Which tickets `ReplicaStore.tickets(matching:)` returns.
public struct TicketFilter: Hashable, Sendable {
    public var status: TicketStatus?
    /// Only tickets past their handling deadline without a reply at this time.
    public var overdueAt: Date?
    /// Only open tickets whose deadline falls in this range (not yet overdue, due soon).
    public var dueBetween: ClosedRange<Date>?
    /// Only tickets this unit leads or co-handles now.
    public var unit: String?
    /// At most this many rows (nil: all), most urgent first.
    public var limit: Int?
    /// Only tickets still open (not closed or merged).
    public var openOnly: Bool

    public init(status: TicketStatus? = nil, overdueAt: Date? = nil, dueBetween: ClosedRange<Date>? = nil,
                unit: String? = nil, limit: Int? = nil, openOnly: Bool = false) {
        self.status = status
        self.overdueAt = overdueAt
        self.dueBetween = dueBetween
        self.unit = unit
        self.limit = limit
        self.openOnly = openOnly
    }
}

/// One line of a work list: what a projection row holds, without the history.
public struct TicketSummary: Hashable, Sendable, Codable {
    public var code: String
    public var status: TicketStatus
    public var category: TicketCategory
    public var source: IntakeSource
    public var entityName: String
    /// The entity's unified social credit code, when the intake gave one (and this replica may read it).
    public var creditCode: String?
    public var summary: String
    public var lead: String?
    public var coUnits: [String]
    public var createdAt: Date
    public var signBy: Date?
    public var deadline: Date?
    public var round: Int
    public var pendingExtensionDays: Int?
    /// A 12345 item's intake limit: when the workstation must have dispatched it.
    public var intakeDeadline: Date?

    /// Past its handling deadline without a reply at `now`.
    public func isOverdue(at now: Date) -> Bool {
        guard status.owesReply, let deadline else { return false }
        return now >= deadline
    }
}

/// What `ReplicaStore.tickets(matching:)` found: the rows (up to the limit) and how many matched.
public struct TicketPage: Hashable, Sendable {
    public var tickets: [TicketSummary]
    public var total: Int
}
