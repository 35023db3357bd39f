import Foundation
import GongdanCore

/// A supervision notice as the hub keeps it: the issued document (``IssuedNotice``) with its stable
/// id, the district that issued it, the addressed unit's name, and who issued it and how.
///
/// The ``id`` (`NOTICE-2026-0012`) never changes and is ASCII: nodes and URLs use it. The printed
/// ``number`` (`港南督〔2026〕12号`) is what the document shows.
public struct StoredNotice: Hashable, Sendable, Codable {
    /// `NOTICE-YYYY-NNNN`, from the number's year and sequence.
    public var id: String
    public var number: NoticeNumber
    public var level: NoticeLevel
    /// The addressed unit's code.
    public var unit: String
    /// Its name in the directory when the notice is read (nil when not in the directory).
    public var unitName: String?
    public var trigger: NoticeTrigger
    /// The tickets the notice rests on, sorted.
    public var tickets: [String]
    /// What was found, as printed.
    public var findings: String
    /// The date (China Standard Time) to finish by.
    public var finishBy: CivilDate
    public var interviewReason: InterviewReason?
    /// The time the situation was judged at.
    public var asOf: Date
    public var issuedAt: Date
    /// The person who issued it (`--as`), or `auto` for automatic issuance.
    public var issuedBy: String
    /// Issued by `gongdan hub supervise` because automatic issuance is configured.
    public var automatic: Bool
    /// The district's full name, the issuer (e.g. `港南区`).
    public var district: String

    public init(id: String, number: NoticeNumber, level: NoticeLevel, unit: String, unitName: String?,
                trigger: NoticeTrigger, tickets: [String], findings: String, finishBy: CivilDate,
                interviewReason: InterviewReason?, asOf: Date, issuedAt: Date, issuedBy: String, automatic: Bool,
                district: String) {
        self.id = id
        self.number = number
        self.level = level
        self.unit = unit
        self.unitName = unitName
        self.trigger = trigger
        self.tickets = tickets
        self.findings = findings
        self.finishBy = finishBy
        self.interviewReason = interviewReason
        self.asOf = asOf
        self.issuedAt = issuedAt
        self.issuedBy = issuedBy
        self.automatic = automatic
        self.district = district
    }

    /// The stable id of the notice numbered `number`: `NOTICE-2026-0012`.
    public static func id(for number: NoticeNumber) -> String {
        let digits = String(number.sequence)
        return "NOTICE-\(number.year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The notice as the scoring and supervision engines take it.
    public var issued: IssuedNotice {
        NoticeCandidate(unit: unit, trigger: trigger, tickets: tickets, findings: findings, finishBy: finishBy,
                        asOf: asOf, interviewReason: interviewReason)
            .issued(number: number, at: issuedAt)
    }

    /// What makes it the same notice as a candidate.
    public var key: NoticeKey { NoticeKey(unit: unit, trigger: trigger, tickets: tickets) }
}
