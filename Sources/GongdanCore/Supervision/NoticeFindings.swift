import Foundation

/// The plain-Chinese "what was found" text of computed notices. Dates are China Standard Time dates.
enum NoticeFindings {
    /// `2026年10月16日`.
    static func date(_ date: CivilDate) -> String {
        "\(date.year)年\(date.month)月\(date.day)日"
    }

    /// The date of an instant in China Standard Time, in words.
    static func date(_ instant: Date) -> String {
        date(CivilDate.inChinaStandardTime(instant))
    }

    /// The last day of a deadline that ends at 24:00 of that day.
    static func lastDay(of deadline: Date) -> CivilDate {
        CivilDate.inChinaStandardTime(deadline.addingTimeInterval(-1))
    }

    static func unsignedPastLimit(_ misses: [(code: String, signBy: Date)], asOf: Date) -> String {
        let list = misses.map { "\($0.code)（签收时限\(date(lastDay(of: $0.signBy)))）" }.joined(separator: "、")
        return "截至\(date(asOf))，贵单位有\(misses.count)次未在签收时限内签收工单：\(list)。"
    }

    static func overdue(_ facts: TicketFacts, workingDaysLate: Int, asOf: Date) -> String {
        let deadline = facts.deadline.map { date(lastDay(of: $0)) } ?? "—"
        let late = workingDaysLate > 0 ? "已超期\(workingDaysLate)个工作日" : "已超过办结期限"
        let stage = facts.status == .pendingSign ? "仍未签收、未答复" : "仍未答复"
        return "工单\(facts.code)（\(category(facts.category))）办结期限为\(deadline)，截至\(date(asOf))\(late)，\(stage)。"
    }

    static func repeatedReport(earlier: TicketFacts, later: [TicketFacts], open: Bool) -> String {
        let list = later.map { "\($0.code)（\(date($0.createdAt))）" }.joined(separator: "、")
        let when = open ? "办理期间" : "办结后问题未解决"
        return "经营主体“\(earlier.entityName)”反映的“\(earlier.summary)”（工单\(earlier.code)，\(date(earlier.createdAt))受理），在\(when)再次反映同一事项\(later.count)次：\(list)。"
    }

    static func returnsOverruled(_ overrules: [(code: String, returnedAt: Date, redispatchedAt: Date)], asOf: Date) -> String {
        let list = overrules.map { "\($0.code)（\(date($0.returnedAt))退回，\(date($0.redispatchedAt))重新分派贵单位）" }
            .joined(separator: "、")
        return "截至\(date(asOf))，贵单位退回的工单经审核仍属贵单位办理、重新分派\(overrules.count)次：\(list)，存在推诿扯皮情形。"
    }

    static func unsatisfied(_ facts: TicketFacts, evaluations: [Date]) -> String {
        let list = evaluations.map { date($0) }.joined(separator: "、")
        return "工单\(facts.code)（“\(facts.summary)”）办理结果经回访\(evaluations.count)次不满意（\(list)）。"
    }

    static func nonStandard(_ facts: TicketFacts, rejected: Int) -> String {
        "贵单位对工单\(facts.code)（“\(facts.summary)”）的办结申请\(rejected)次被审核为办结不规范。"
    }

    static func category(_ category: TicketCategory) -> String {
        switch category {
        case .consult: "咨询"
        case .help: "求助"
        case .suggestion: "意见建议"
        case .complaint: "投诉"
        case .report: "举报"
        }
    }
}
