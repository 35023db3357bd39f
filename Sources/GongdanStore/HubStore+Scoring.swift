import Foundation
import GRDB
import GongdanCore

extension HubStore {
    /// The figures of `period` (DESIGN §4) judged as of `asOf`, for every unit of the directory (or
    /// every unit that appears, when the directory is empty), with the stored weights
    /// (``supervisionSettings()``) and the notices issued in the period.
    ///
    /// Computed by ``ScoringEngine`` from the indexed projection: only tickets with a counted date
    /// in the period (or late and unsettled at its end) are read, so a month stays fast on a
    /// province-sized history.
    ///
    /// ```swift
    /// let report = try hub.scoringReport(period: try ScoringPeriod("2026-10"), asOf: Date())
    /// report.score(of: "DX")?.satisfaction.percentText    // "96.2%"
    /// ```
    public func scoringReport(period: ScoringPeriod, asOf: Date) throws -> ScoringReport {
        try scoringReport(period: period, asOf: asOf, weights: nil)
    }

    /// ``scoringReport(period:asOf:)`` with `weights` instead of the stored ones (nil: stored), and
    /// with the tickets behind every figure only when `explain` (`--explain`); without, the counts are
    /// the same and the lists empty, which is much cheaper on a large history.
    ///
    /// Without ticket lists, and judged no earlier than the hub's latest event, the figures are summed
    /// from the daily sums (``ScoringDaysTable``) plus the last partial day; otherwise the period's facts
    /// are streamed from the projection into a ``ScoringAccumulator`` — one ticket and its rounds at a
    /// time, only the columns scoring reads — so a year of a province stays small in memory.
    public func scoringReport(period: ScoringPeriod, asOf: Date, weights: ScoringWeights?,
                              explain: Bool = true) throws -> ScoringReport {
        try db.read { db in
            let weights = try weights ?? Self.supervisionSettings(db).weights
            var accumulator = ScoringAccumulator(period: period, asOf: asOf, explain: explain)
            let summed = explain ? false : try Self.accumulateScoringFromDays(db, into: &accumulator, asOf: asOf)
            if !summed { try Self.accumulateScoring(db, into: &accumulator) }
            let notices = try Self.notices(db, issuedFrom: period.start, before: min(period.end, asOf)).map(\.issued)
            let units = try Self.units(db).map(\.code)
            return accumulator.report(notices: notices, weights: weights, units: units.isEmpty ? nil : units)
        }
    }

    /// The annual ranking of `year` (每年通报排名) judged as of `asOf`: ``ScoringEngine/ranking(_:)``
    /// of the year's ``scoringReport(period:asOf:weights:explain:)``.
    public func annualRanking(year: Int, asOf: Date, weights: ScoringWeights? = nil,
                              explain: Bool = true) throws -> [RankingEntry] {
        ScoringEngine.ranking(try scoringReport(period: try ScoringPeriod.year(year), asOf: asOf, weights: weights,
                                                explain: explain))
    }

    /// The facts of every ticket that can count in `period` judged as of `asOf`, by code: what
    /// ``scoringReport(period:asOf:)`` feeds ``ScoringEngine`` (entity names and summaries left empty).
    public func ticketFacts(period: ScoringPeriod, asOf: Date) throws -> [TicketFacts] {
        try db.read { db in try Self.scoringFacts(db, period: period, asOf: asOf) }
    }

    /// The facts of `codes` as the projection holds them (tickets it does not hold are left out).
    public func ticketFacts(codes: [String]) throws -> [TicketFacts] {
        try db.read { db in
            let list = String(decoding: try JSONEncoder().encode(codes), as: UTF8.self)
            let ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM ticket_facts WHERE code IN (SELECT value FROM json_each(?)) ORDER BY id
                """, arguments: [list])
            return try Self.facts(db, ids: ids, detail: .full)
        }
    }

    /// The tickets supervision looks at as of `asOf`, as they stood then: open tickets past their
    /// deadline; tickets with any date within the longer of `unsignedWindowDays` and
    /// `returnsOverruledWindowDays` before `asOf`, or taken in within three `repeatedReportWindowDays`;
    /// tickets with enough unsatisfied evaluations or rejected replies to trigger. A ticket that changed after
    /// `asOf` is folded again from its events as of `asOf`; the others are read from the projection.
    public func supervisionFacts(asOf: Date, thresholds: SupervisionThresholds) throws -> [TicketFacts] {
        try db.read { db in try Self.supervisionFacts(db, asOf: asOf, thresholds: thresholds) }
    }

    /// Every notice issued, oldest number first.
    public func noticeList() throws -> [StoredNotice] {
        try db.read { db in
            let district = try Self.info(db)?.district ?? ""
            return try Row.fetchAll(db, sql: "SELECT * FROM notices ORDER BY year, sequence, district")
                .map { try Self.notice(db, $0, district: district) }
        }
    }

    /// The notices addressed to `unit`, oldest first: what the unit's node receives.
    public func notices(for unit: String) throws -> [StoredNotice] {
        try db.read { db in try Self.notices(db, addressedTo: unit) }
    }

    // MARK: - In a transaction

    static func scoringFacts(_ db: Database, period: ScoringPeriod, asOf: Date) throws -> [TicketFacts] {
        let ids = try scoringTicketIDs(db, start: period.start, end: min(period.end, asOf))
        return try facts(db, ids: ids, detail: .scoring)
    }

    static func supervisionFacts(_ db: Database, asOf: Date, thresholds: SupervisionThresholds) throws -> [TicketFacts] {
        let (all, changed) = try supervisionTicketIDs(db, asOf: asOf, thresholds: thresholds)
        let changedSet = Set(changed)
        var facts = try self.facts(db, ids: all.filter { !changedSet.contains($0) }, detail: .full)
        if !changed.isEmpty {
            let list = "[" + changed.map(String.init).joined(separator: ",") + "]"
            let codes = try String.fetchAll(db, sql: """
                SELECT code FROM ticket_facts WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id
                """, arguments: [list])
            let policy = try districtPolicy(db)
            for code in codes {
                if let state = TicketFold.fold(try ReplicaStore.events(db, ticket: code), asOf: asOf, policy: policy) {
                    facts.append(TicketFacts(state))
                }
            }
        }
        return facts
    }

    /// The notices addressed to `unit` (nil: every notice), oldest issued first.
    static func notices(_ db: Database, addressedTo unit: String?) throws -> [StoredNotice] {
        let district = try info(db)?.district ?? ""
        let rows = if let unit {
            try Row.fetchAll(db, sql: "SELECT * FROM notices WHERE unit = ? ORDER BY issued_at, year, sequence", arguments: [unit])
        } else {
            try Row.fetchAll(db, sql: "SELECT * FROM notices ORDER BY issued_at, year, sequence")
        }
        return try rows.map { try notice(db, $0, district: district) }
    }

    static func notices(_ db: Database, issuedFrom start: Date, before end: Date) throws -> [StoredNotice] {
        let district = try info(db)?.district ?? ""
        return try Row.fetchAll(db, sql: "SELECT * FROM notices WHERE issued_at >= ? AND issued_at < ? ORDER BY issued_at",
                                arguments: [start.millis, end.millis])
            .map { try notice(db, $0, district: district) }
    }
}
