/// The three levels of supervision (督办) of DESIGN §3, each with its own document.
public enum NoticeLevel: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Daily supervision (日常督办) by a reminder letter 《提醒敦促函》 with a date to finish by.
    case reminder
    /// Listed supervision (挂牌督办) by a rectification notice 《整改通知书》, listed in the monthly
    /// monitoring report.
    case rectification
    /// Interview supervision (约谈督办) by an interview notice 《约谈通知书》, issued by hand.
    case interview

    /// The document's title, e.g. `提醒敦促函`.
    public var documentTitle: String {
        switch self {
        case .reminder: "提醒敦促函"
        case .rectification: "整改通知书"
        case .interview: "约谈通知书"
        }
    }

    /// The kind of supervision, e.g. `日常督办`.
    public var supervisionName: String {
        switch self {
        case .reminder: "日常督办"
        case .rectification: "挂牌督办"
        case .interview: "约谈督办"
        }
    }

    /// Milder levels order first.
    public static func < (lhs: NoticeLevel, rhs: NoticeLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
