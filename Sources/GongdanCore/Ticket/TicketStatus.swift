/// Where a ticket stands in its life cycle (DESIGN §2).
public enum TicketStatus: String, Sendable, Codable, CaseIterable {
    /// 待分办: waiting for the workstation to dispatch it (new, returned, or for a second dispatch).
    case pendingDispatch
    /// 待签收: dispatched, waiting for the lead unit to sign.
    case pendingSign
    /// 办理中: signed; the unit is handling it.
    case handling
    /// 待审核: replied; waiting for the workstation's review.
    case pendingReview
    /// 待评价: reply accepted; waiting for the entity's evaluation.
    case pendingEvaluation
    /// 待提级: unsatisfied again; the office must escalate it with a designated lead, or close it.
    case pendingEscalation
    /// 已办结: closed; nothing more happens.
    case closed
    /// 已合并: merged into another ticket as a duplicate.
    case merged

    /// Whether the ticket is finished (closed or merged).
    public var isFinal: Bool { self == .closed || self == .merged }

    /// Whether a handling deadline is running (the unit owes a reply).
    public var owesReply: Bool { self == .pendingSign || self == .handling }
}
