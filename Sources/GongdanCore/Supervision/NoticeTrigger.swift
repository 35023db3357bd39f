/// What a notice was issued for: the situations of DESIGN §3 (and the seed's 督办 paragraph).
public enum NoticeTrigger: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// 无故多次不签收: a unit left tickets unsigned past the signing limit several times.
    case unsignedPastLimit
    /// 超期未办: a ticket is past its handling deadline and not replied.
    case overdueNotReplied
    /// 多次反映未办: the same entity reported the same matter again while an earlier ticket was open or
    /// closed unresolved.
    case repeatedReport
    /// 推诿扯皮: a unit's returns were overruled (re-dispatched to it) several times.
    case returnsOverruled
    /// 同一工单2次办理结果不满意: the same ticket was evaluated unsatisfied twice.
    case unsatisfiedTwice
    /// 多次申请办结不规范: a unit's replies on one ticket were rejected as non-standard several times.
    case nonStandardReplies
    /// An interview the office decided by hand, with a reason (see ``InterviewReason``).
    case manualInterview

    /// The level of notice the trigger calls for.
    public var level: NoticeLevel {
        switch self {
        case .unsignedPastLimit, .overdueNotReplied, .repeatedReport: .reminder
        case .returnsOverruled, .unsatisfiedTwice, .nonStandardReplies: .rectification
        case .manualInterview: .interview
        }
    }

    /// The situation in the words of the district's work plan, e.g. `无故多次不签收工单`.
    public var chineseName: String {
        switch self {
        case .unsignedPastLimit: "无故多次不签收工单"
        case .overdueNotReplied: "超期未办"
        case .repeatedReport: "多次反映未办"
        case .returnsOverruled: "推诿扯皮"
        case .unsatisfiedTwice: "同一工单2次办理结果不满意"
        case .nonStandardReplies: "多次申请办结不规范"
        case .manualInterview: "约谈督办"
        }
    }

    /// Declaration order: reminders first, then rectifications, then interviews.
    public static func < (lhs: NoticeTrigger, rhs: NoticeTrigger) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
