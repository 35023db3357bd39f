import Foundation

/// A notice the supervision engine proposes (or the office writes by hand): who it is addressed to,
/// why, on which tickets, what was found, and the date to finish by. The office confirms it, and it
/// becomes an ``IssuedNotice`` with a ``NoticeNumber``.
///
/// ```swift
/// for candidate in SupervisionEngine.candidates(facts: facts, asOf: now, issued: issuedKeys) {
///     print(candidate.level.documentTitle, candidate.unit, candidate.findings, "限", candidate.finishBy, "前办结")
/// }
/// ```
public struct NoticeCandidate: Hashable, Sendable, Codable {
    public var level: NoticeLevel
    /// The code of the unit the notice is addressed to.
    public var unit: String
    public var trigger: NoticeTrigger
    /// The codes of the tickets the notice rests on, sorted.
    public var tickets: [String]
    /// What was found, in plain Chinese, as the notice prints it.
    public var findings: String
    /// The date (China Standard Time) by which the unit must finish (限期办结) or rectify.
    public var finishBy: CivilDate
    /// The time the situation was judged at.
    public var asOf: Date
    /// Why an interview was called (manual interview notices only).
    public var interviewReason: InterviewReason?

    public init(unit: String, trigger: NoticeTrigger, tickets: [String], findings: String, finishBy: CivilDate,
                asOf: Date, interviewReason: InterviewReason? = nil) {
        self.level = trigger.level
        self.unit = unit
        self.trigger = trigger
        self.tickets = Array(Set(tickets)).sorted()
        self.findings = findings
        self.finishBy = finishBy
        self.asOf = asOf
        self.interviewReason = interviewReason
    }

    /// What makes this notice the same as one already issued.
    public var key: NoticeKey { NoticeKey(unit: unit, trigger: trigger, tickets: tickets) }

    /// An interview notice (约谈通知书) the office writes by hand: DESIGN §3 never computes these.
    ///
    /// ```swift
    /// let notice = try NoticeCandidate.interview(unit: "DX", reason: .retaliation,
    ///                                            detail: "经办人员向反映人施压要求撤回投诉", tickets: ["WS-26-0001"], asOf: now)
    /// ```
    ///
    /// - Parameters:
    ///   - unit: The unit called in.
    ///   - reason: The kind of situation.
    ///   - detail: What happened, in the office's words; it is printed after the reason.
    ///   - tickets: The tickets concerned; may be empty when the matter concerns none in particular.
    ///   - asOf: When the office decided.
    /// - Throws: ``SupervisionError/invalidNotice(_:)`` when the unit or the detail is empty.
    public static func interview(unit: String, reason: InterviewReason, detail: String, tickets: [String] = [],
                                 asOf: Date, thresholds: SupervisionThresholds = .default,
                                 calendar: WorkingDayCalendar = .official) throws(SupervisionError) -> NoticeCandidate {
        let unit = unit.trimmingCharacters(in: .whitespaces)
        guard !unit.isEmpty else {
            throw .invalidNotice("an interview notice needs the unit it is addressed to: give its code with --unit (e.g. --unit DX)")
        }
        let detail = detail.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !detail.isEmpty else {
            throw .invalidNotice("an interview notice needs the facts that justify it: say what happened with --detail")
        }
        let cited = tickets.isEmpty ? "" : "（涉及工单：\(Array(Set(tickets)).sorted().joined(separator: "、"))）"
        return NoticeCandidate(unit: unit, trigger: .manualInterview, tickets: tickets,
                               findings: "贵单位存在\(reason.chineseName)情形：\(detail)\(cited)。",
                               finishBy: SupervisionEngine.finishBy(asOf: asOf, thresholds: thresholds, calendar: calendar),
                               asOf: asOf, interviewReason: reason)
    }

    /// The notice as issued under `number` at `issuedAt`.
    public func issued(number: NoticeNumber, at issuedAt: Date) -> IssuedNotice {
        IssuedNotice(number: number, candidate: self, issuedAt: issuedAt)
    }
}
