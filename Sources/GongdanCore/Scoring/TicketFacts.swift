import Foundation

/// What supervision and scoring need to know of one ticket: its intake, where it stands, and each of
/// its handling rounds with their dates and counters.
///
/// A small, flat value built from a folded ``TicketState`` by ``init(_:)``, so that a hub can keep one
/// row per ticket (and one per round) in an indexed projection and compute reports from those rows
/// instead of folding every history again.
///
/// ```swift
/// let facts = states.map(TicketFacts.init)
/// let report = ScoringEngine.report(for: try ScoringPeriod("2026-10"), facts: facts, notices: issued)
/// ```
public struct TicketFacts: Hashable, Sendable, Codable {
    public var code: String
    public var category: TicketCategory
    public var source: IntakeSource
    public var entityName: String
    public var creditCode: String?
    public var summary: String
    public var createdAt: Date
    /// The unit whose node took the ticket in (a walk-in); nil when the workstation did.
    public var createdByUnit: String?
    /// When the 12345 hotline received the item (hotline tickets).
    public var hotlineReceivedAt: Date?
    /// End of the 1-working-day limit to turn the hotline item into a ticket.
    public var intakeDeadline: Date?
    public var status: TicketStatus
    /// The current lead unit, if the ticket is assigned now.
    public var lead: String?
    /// The current handling deadline, if one is running.
    public var deadline: Date?
    public var closedAt: Date?
    public var closure: TicketState.Closure?
    /// The ticket this one was merged into as a duplicate.
    public var mergedInto: String?
    /// Every handling round, oldest first.
    public var rounds: [TicketState.HandlingRound]

    public init(code: String, category: TicketCategory, source: IntakeSource, entityName: String,
                creditCode: String? = nil, summary: String, createdAt: Date, createdByUnit: String? = nil,
                hotlineReceivedAt: Date? = nil, intakeDeadline: Date? = nil, status: TicketStatus,
                lead: String? = nil, deadline: Date? = nil, closedAt: Date? = nil,
                closure: TicketState.Closure? = nil, mergedInto: String? = nil,
                rounds: [TicketState.HandlingRound] = []) {
        self.code = code
        self.category = category
        self.source = source
        self.entityName = entityName
        self.creditCode = creditCode
        self.summary = summary
        self.createdAt = createdAt
        self.createdByUnit = createdByUnit
        self.hotlineReceivedAt = hotlineReceivedAt
        self.intakeDeadline = intakeDeadline
        self.status = status
        self.lead = lead
        self.deadline = deadline
        self.closedAt = closedAt
        self.closure = closure
        self.mergedInto = mergedInto
        self.rounds = rounds
    }

    /// The facts of a folded ticket. Pure: the same state always gives the same facts.
    public init(_ state: TicketState) {
        let intake = state.intake
        self.init(code: intake.code, category: intake.category, source: intake.source,
                  entityName: intake.entity.name, creditCode: intake.entity.creditCode, summary: intake.summary,
                  createdAt: state.createdAt, createdByUnit: state.createdBy.unit,
                  hotlineReceivedAt: intake.hotlineReceivedAt, intakeDeadline: intake.intakeDeadline,
                  status: state.status, lead: state.lead, deadline: state.deadline, closedAt: state.closedAt,
                  closure: state.closure, mergedInto: state.mergedInto, rounds: state.rounds)
    }

    /// The ticket is past its handling deadline without a reply at `instant` (as ``TicketState/isOverdue(at:)``).
    public func isOverdue(at instant: Date) -> Bool {
        guard status.owesReply, let deadline else { return false }
        return instant >= deadline
    }

    /// The unit answerable for the ticket now: the current lead, else the unit of the last round unless
    /// that unit returned it (then the workstation owes a dispatch and no unit is answerable).
    public var answerableUnit: String? {
        if let lead { return lead }
        guard let last = rounds.last, last.returnedAt == nil else { return nil }
        return last.unit
    }

    /// Whether the entity said the matter was resolved at the latest evaluation.
    public var lastEvaluationResolved: Bool? {
        rounds.last(where: { $0.evaluation != nil })?.evaluation?.resolved
    }
}
