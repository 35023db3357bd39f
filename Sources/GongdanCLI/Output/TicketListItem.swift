import Foundation
import GongdanCore
import GongdanStore

/// One ticket of `ticket list --json`: the work-list summary plus `overdue`.
///
/// The field names are a documented contract (docs/cli.md); optional fields are left out when unset.
struct TicketListItem: Encodable, Sendable {
    var code: String
    var status: TicketStatus
    var category: TicketCategory
    var source: IntakeSource
    var entityName: String
    var summary: String
    var lead: String?
    var leadName: String?
    var coUnits: [String]
    var createdAt: Date
    var signBy: Date?
    var deadline: Date?
    var round: Int
    var pendingExtensionDays: Int?
    /// Past its handling deadline without a reply.
    var overdue: Bool
    /// Past its signing limit, unsigned.
    var signOverdue: Bool

    init(_ summary: TicketSummary, units: [String: String], now: Date) {
        code = summary.code
        status = summary.status
        category = summary.category
        source = summary.source
        entityName = summary.entityName
        self.summary = summary.summary
        lead = summary.lead
        leadName = summary.lead.flatMap { units[$0] }
        coUnits = summary.coUnits
        createdAt = summary.createdAt
        signBy = summary.signBy
        deadline = summary.deadline
        round = summary.round
        pendingExtensionDays = summary.pendingExtensionDays
        overdue = summary.isOverdue(at: now)
        signOverdue = summary.status == .pendingSign && summary.signBy.map { now >= $0 } == true
    }
}

/// `ticket list --json`: how many tickets matched, and the ones shown.
struct TicketListView: Encodable, Sendable {
    var total: Int
    var tickets: [TicketListItem]
}

/// `ticket show --json`: the state and the history in fold order, each event as stored.
struct TicketShowView: Encodable, Sendable {
    var ticket: TicketView
    var events: [TicketEvent]
}

/// What a mutating ticket command prints with `--json`: the event it recorded and the ticket after it.
struct TicketMutationView: Encodable, Sendable {
    var event: TicketEvent
    var ticket: TicketView
}

/// What `ticket new --json` prints.
struct TicketCreationView: Encodable, Sendable {
    var code: String
    /// The derived query code on the workstation; absent on a unit (its walk-ins are evaluated by
    /// the workstation's revisit, `docs/evaluation.md`).
    var queryCode: String?
    var event: TicketEvent?
    var ticket: TicketView
}
