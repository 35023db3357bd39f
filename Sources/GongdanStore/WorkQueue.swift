import Foundation
import GongdanCore

/// One list of a clerk's to-do page: the tickets that wait for one kind of work. A unit's lists hold the
/// tickets it leads or co-handles; the workstation's hold the district's.
public enum WorkQueue: String, Sendable, CaseIterable, Codable {
    // A unit's lists.
    /// 待签收: dispatched to this unit as lead, not yet signed (earliest signing limit first).
    case toSign
    /// 办理中: signed, a reply owed (earliest deadline first, so the overdue come first).
    case handling
    /// 审核不通过: the workstation rejected this unit's reply; it must reply again.
    case replyRejected

    // The workstation's lists.
    /// 待分办: new tickets waiting for a dispatch.
    case toDispatch
    /// 被退回: tickets a unit returned, waiting for another dispatch.
    case returned
    /// 12345 items still to dispatch, by their intake limit.
    case hotlineIntake
    /// 待审核: replies waiting for review.
    case toReview
    /// 待评价/回访: accepted replies waiting for the entity's evaluation or a revisit.
    case toEvaluate
    /// 延期申请: extension requests waiting for a decision.
    case extensionRequests
    /// 待提级: unsatisfied twice; escalate with a designated lead, or close.
    case toEscalate

    /// The lists a node of `role` works from, in the order the to-do page shows them.
    public static func queues(for role: Role) -> [WorkQueue] {
        role == .workstation
            ? [.extensionRequests, .hotlineIntake, .toDispatch, .returned, .toReview, .toEvaluate, .toEscalate]
            : [.toSign, .replyRejected, .handling]
    }

    /// The SQL condition on the `tickets` projection, with its arguments (`unit`: the unit's own lists).
    func condition(unit: String?) -> (sql: String, arguments: [String]) {
        let mine = "(lead = ? OR ',' || co_units || ',' LIKE ?)"
        let unitArguments = unit.map { [$0, "%,\($0),%"] } ?? []
        switch self {
        case .toSign: return ("status = 'pendingSign' AND lead = ?", unit.map { [$0] } ?? [])
        case .handling: return ("status = 'handling' AND \(mine)", unitArguments)
        case .replyRejected: return ("status = 'handling' AND rejected_replies > 0 AND lead = ?", unit.map { [$0] } ?? [])
        case .toDispatch: return ("status = 'pendingDispatch' AND returns = 0 AND intake_deadline IS NULL", [])
        case .returned: return ("status = 'pendingDispatch' AND returns > 0", [])
        case .hotlineIntake: return ("status = 'pendingDispatch' AND returns = 0 AND intake_deadline IS NOT NULL", [])
        case .toReview: return ("status = 'pendingReview'", [])
        case .toEvaluate: return ("status = 'pendingEvaluation'", [])
        case .extensionRequests: return ("pending_extension_days IS NOT NULL AND status NOT IN ('closed', 'merged')", [])
        case .toEscalate: return ("status = 'pendingEscalation'", [])
        }
    }

    /// The partial indexes the lists read (replica migration v11): the dispatch lists by intake limit and
    /// age, the extension requests by deadline. The other lists read `tickets_by_status` and
    /// `tickets_unsigned_by_sign_by`, `tickets_by_lead`.
    static let indexes = """
        CREATE INDEX tickets_to_dispatch ON tickets (intake_deadline, created_at) WHERE status = 'pendingDispatch';
        CREATE INDEX tickets_extension_requests ON tickets (deadline) WHERE pending_extension_days IS NOT NULL;
        """

    /// Most urgent first.
    var order: String {
        switch self {
        case .toSign: "sign_by"
        case .handling, .replyRejected: "deadline IS NULL, deadline, code"
        case .extensionRequests: "deadline"
        case .hotlineIntake: "intake_deadline, created_at"
        case .toDispatch, .returned, .toReview, .toEvaluate, .toEscalate: "created_at"
        }
    }
}
