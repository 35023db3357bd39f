import Foundation
import GongdanCore

/// A supervision notice as it reaches a node on the last page of its pull (protocol 1.1): a unit's
/// node receives the notices addressed to its unit, the workstation every notice. Nodes keep them by
/// `id`; receiving one again replaces it.
public struct SyncedNotice: Hashable, Sendable, Codable {
    /// Stable id, e.g. `NOTICE-2026-0012`.
    public var id: String
    /// The document number, e.g. `港南督〔2026〕12号`.
    public var number: String
    public var level: NoticeLevel
    /// The addressed unit's code.
    public var unit: String
    public var unitName: String?
    public var trigger: NoticeTrigger
    public var tickets: [String]
    /// What was found, as printed on the notice.
    public var findings: String
    /// The date to finish by, `YYYY-MM-DD` in China Standard Time.
    public var finishBy: String
    public var issuedAt: Date

    public init(id: String, number: String, level: NoticeLevel, unit: String, unitName: String?, trigger: NoticeTrigger,
                tickets: [String], findings: String, finishBy: String, issuedAt: Date) {
        self.id = id
        self.number = number
        self.level = level
        self.unit = unit
        self.unitName = unitName
        self.trigger = trigger
        self.tickets = tickets
        self.findings = findings
        self.finishBy = finishBy
        self.issuedAt = issuedAt
    }
}
