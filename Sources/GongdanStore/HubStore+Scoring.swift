import Foundation
import GRDB
import GongdanCore

/// A supervision notice as the hub keeps it: the numbered document, the unit it is addressed to,
/// what was found on which tickets, and the date to finish by.
public struct StoredNotice: Hashable, Sendable, Codable {
    /// The document number, e.g. `港南督〔2026〕12号`.
    public var number: NoticeNumber
    /// The unit the notice is addressed to.
    public var unit: String
    public var level: NoticeLevel
    public var issuedAt: Date
    /// The date to finish by (限期办结).
    public var finishBy: CivilDate
    /// What was found, in plain Chinese.
    public var findings: String
    /// The tickets the notice rests on.
    public var tickets: [String]

    public init(number: NoticeNumber, unit: String, level: NoticeLevel, issuedAt: Date, finishBy: CivilDate,
                findings: String, tickets: [String]) {
        self.number = number
        self.unit = unit
        self.level = level
        self.issuedAt = issuedAt
        self.finishBy = finishBy
        self.findings = findings
        self.tickets = tickets
    }
}

extension HubStore {
    /// The scoring report of `period` as of `asOf` for every unit of the directory (DESIGN §4):
    /// each ticket's history is folded, its facts handed to ``GongdanCore/ScoringEngine``.
    public func scoringReport(period: ScoringPeriod, asOf: Date) throws -> ScoringReport {
        let (facts, units) = try db.read { db in
            let codes = try String.fetchAll(db, sql: "SELECT code FROM tickets ORDER BY code")
            let facts = try codes.compactMap { code in
                TicketFold.fold(try ReplicaStore.events(db, ticket: code)).map(TicketFacts.init)
            }
            return (facts, try Self.units(db).map(\.code))
        }
        return ScoringEngine.report(for: period, facts: facts, notices: [], units: units, asOf: asOf)
    }

    /// The supervision notices issued so far, by number (this hub issues none yet).
    public func noticeList() throws -> [StoredNotice] {
        []
    }
}
