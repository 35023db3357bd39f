import Foundation
import GongdanCore

/// One row of the dashboard's overdue or unsigned list, from the `tickets` projection.
public struct DashboardTicket: Hashable, Sendable, Codable {
    public var code: String
    public var category: TicketCategory
    public var status: TicketStatus
    public var entityName: String
    public var summary: String
    /// The lead unit's code.
    public var lead: String?
    public var dispatchedAt: Date?
    /// End of the signing limit.
    public var signBy: Date?
    /// End of the handling deadline.
    public var deadline: Date?

    public init(code: String, category: TicketCategory, status: TicketStatus, entityName: String, summary: String,
                lead: String?, dispatchedAt: Date?, signBy: Date?, deadline: Date?) {
        self.code = code
        self.category = category
        self.status = status
        self.entityName = entityName
        self.summary = summary
        self.lead = lead
        self.dispatchedAt = dispatchedAt
        self.signBy = signBy
        self.deadline = deadline
    }

    /// Where a list ends, to read the next page after it: the sort key (the handling deadline in
    /// the overdue list, the signing limit in the unsigned list) and the code.
    public struct Position: Hashable, Sendable {
        public var key: Date
        public var code: String

        public init(key: Date, code: String) {
            self.key = key
            self.code = code
        }
    }
}
