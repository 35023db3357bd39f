import Foundation

/// A supervision notice the office issued: a numbered document addressed to a unit, synced to that
/// unit's node, printable, and counted in scoring (``ScoringEngine``).
public struct IssuedNotice: Hashable, Sendable, Codable {
    public var number: NoticeNumber
    public var level: NoticeLevel
    public var unit: String
    public var trigger: NoticeTrigger
    /// The codes of the tickets the notice rests on, sorted.
    public var tickets: [String]
    public var findings: String
    public var finishBy: CivilDate
    public var issuedAt: Date
    public var interviewReason: InterviewReason?

    /// The candidate as issued.
    public init(number: NoticeNumber, candidate: NoticeCandidate, issuedAt: Date) {
        self.number = number
        self.level = candidate.level
        self.unit = candidate.unit
        self.trigger = candidate.trigger
        self.tickets = candidate.tickets
        self.findings = candidate.findings
        self.finishBy = candidate.finishBy
        self.issuedAt = issuedAt
        self.interviewReason = candidate.interviewReason
    }

    /// The key the supervision engine checks so that it never proposes this notice again.
    public var key: NoticeKey { NoticeKey(unit: unit, trigger: trigger, tickets: tickets) }
}
