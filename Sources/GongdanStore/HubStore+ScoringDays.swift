import Foundation
import GRDB
import GRDBSQLite
import GongdanCore

extension HubStore {
    /// Recomputes the daily scoring sums from the whole projection. Migration "hub v8" runs it on a hub
    /// that already has tickets; so can a benchmark that filled the projection with raw inserts.
    public func rebuildScoringDays() throws {
        try db.write { db in try Self.rebuildScoringDays(db) }
    }

    /// Folds every ticket the hub holds again and rewrites the whole projection — facts, handling rounds
    /// and the daily sums — in one transaction: for a hub whose tables were filled by other means (a
    /// benchmark copying events in bulk).
    public func rebuildFacts() throws {
        try db.write { db in
            try Self.backfillFacts(db)
            try Self.rebuildScoringDays(db)
        }
    }

    /// A day's number in ``ScoringDaysTable``: days since 1970-01-01 in China Standard Time.
    static func scoringDay(_ instant: Date) -> Int64 {
        let shifted = instant.millis + 8 * 3_600_000
        return shifted >= 0 ? shifted / 86_400_000 : (shifted - 86_399_999) / 86_400_000
    }

    /// The first instant of a ``scoringDay(_:)``.
    static func scoringDayStart(_ day: Int64) -> Date {
        Date(millis: day * 86_400_000 - 8 * 3_600_000)
    }

    /// What a ticket's facts count in, by day: its intake and every round, judged whenever evaluated.
    static func scoringContributions(of facts: TicketFacts) -> [ScoringContribution] {
        var result: [ScoringContribution] = []
        if let intake = ScoringContribution.intake(source: facts.source, createdAt: facts.createdAt,
                                                   createdByUnit: facts.createdByUnit, intakeDeadline: facts.intakeDeadline) {
            result.append(intake)
        }
        var previous: ScoringRound?
        for round in facts.rounds.map(ScoringRound.init) {
            result += ScoringContribution.round(round, previous: previous, evaluatedBy: nil)
            previous = round
        }
        return result
    }

    /// What the stored facts of the ticket `code` count in (none when the projection lacks it), read
    /// before ``writeFacts(_:_:)`` replaces them.
    static func storedScoringContributions(_ db: Database, code: String) throws -> [ScoringContribution] {
        let ticket = try db.cachedStatement(sql: """
            SELECT id, code, source, created_at, created_by_unit, intake_deadline FROM ticket_facts WHERE code = ?
            """)
        ticket.setUncheckedArguments([code])
        let row = FactsRow(statement: ticket.sqliteStatement)
        var id: Int64?
        var result: [ScoringContribution] = []
        try step(ticket) {
            id = row.int(0)
            if let intake = try row.scoredIntake() { result.append(intake) }
        }
        guard let id else { return [] }
        let rounds = try db.cachedStatement(sql: """
            SELECT \(scoredRoundColumns) FROM handling_rounds WHERE ticket_id = ? ORDER BY position
            """)
        rounds.setUncheckedArguments([id])
        let roundRow = FactsRow(statement: rounds.sqliteStatement)
        var previous: ScoringRound?
        try step(rounds) {
            let round = try roundRow.scoredRound()
            result += ScoringContribution.round(round, previous: previous, evaluatedBy: nil)
            previous = round
        }
        return result
    }

    /// Takes `old` out of the daily sums and puts `new` in; a ticket whose contributions did not
    /// change writes nothing.
    static func updateScoringDays(_ db: Database, removing old: [ScoringContribution],
                                  adding new: [ScoringContribution]) throws {
        guard old != new else { return }
        var delta = ScoringDaySums()
        for contribution in old { delta.add(contribution, times: -1) }
        for contribution in new { delta.add(contribution, times: 1) }
        try delta.write(db)
    }

    static func rebuildScoringDays(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM scoring_days")
        var sums = ScoringDaySums()
        let tickets = try db.makeStatement(sql: """
            SELECT id, code, source, created_at, created_by_unit, intake_deadline FROM ticket_facts ORDER BY id
            """)
        let rounds = try db.makeStatement(sql: """
            SELECT \(scoredRoundColumns) FROM handling_rounds ORDER BY ticket_id, position
            """)
        let ticketRow = FactsRow(statement: tickets.sqliteStatement)
        try step(tickets) {
            if let intake = try ticketRow.scoredIntake() { sums.add(intake, times: 1) }
        }
        let roundRow = FactsRow(statement: rounds.sqliteStatement)
        var previous: ScoringRound?
        var previousTicket: Int64 = -1
        try step(rounds) {
            let ticket = roundRow.int(0)
            if ticket != previousTicket { previous = nil }
            let round = try roundRow.scoredRound()
            for contribution in ScoringContribution.round(round, previous: previous, evaluatedBy: nil) {
                sums.add(contribution, times: 1)
            }
            previous = round
            previousTicket = ticket
        }
        try sums.write(db)
    }

    /// Counts `accumulator`'s period from the daily sums — whole days from the period's start to the
    /// day it is judged on — and the rest from the projection: the tickets with a date in that day up
    /// to the judging instant, and the rounds overdue and open then (from the late rounds' index alone). Returns false, counting nothing, when some ticket changed after
    /// the judging `asOf`: the sums count evaluations whenever made, and are exact only for an as-of
    /// no earlier than every event (each date the sums count is an event's time, or a limit that the
    /// window alone decides). Never used with ticket lists.
    static func accumulateScoringFromDays(_ db: Database, into accumulator: inout ScoringAccumulator,
                                          asOf: Date) throws -> Bool {
        precondition(!accumulator.explain, "the daily sums carry no ticket lists")
        let latest = try Int64.fetchOne(db, sql: "SELECT max(last_event_at) FROM ticket_facts")
        guard (latest ?? .min) <= asOf.millis else { return false }
        let judgedDay = scoringDay(accumulator.judgedAt)
        let sums = try db.cachedStatement(sql: ScoringDaysTable.sums)
        try sums.setArguments([scoringDay(accumulator.period.start), judgedDay])
        let row = FactsRow(statement: sums.sqliteStatement)
        try step(sums) {
            let unit = row.text(0)
            let counts = ScoringCounts(values: (1...Int32(ScoringDaysTable.countColumns.count)).map { Int(row.int($0)) })
            accumulator.add(counts, unit: unit.isEmpty ? nil : unit)
        }
        var rest = ScoringAccumulator(period: accumulator.period, asOf: asOf, countingFrom: scoringDayStart(judgedDay))
        try accumulateScoring(db, ids: try spanningTicketSet(db, start: rest.countedFrom, end: rest.judgedAt), into: &rest)
        accumulator.add(rest)
        for (unit, overdue) in try overdueRounds(db, at: accumulator.judgedAt) {
            var counts = ScoringCounts()
            counts.completionDue = overdue
            accumulator.add(counts, unit: unit)
        }
        return true
    }
}

/// Daily scoring sums being built or changed, by day and unit, before they are written.
struct ScoringDaySums {
    private var counts: [Key: ScoringCounts] = [:]

    private struct Key: Hashable {
        let day: Int64
        let unit: String
    }

    mutating func add(_ contribution: ScoringContribution, times: Int) {
        counts[Key(day: HubStore.scoringDay(contribution.at), unit: contribution.unit ?? ""), default: ScoringCounts()]
            .add(contribution.hits, times: times)
    }

    /// Adds every non-zero change to `scoring_days`.
    func write(_ db: Database) throws {
        let upsert = try db.cachedStatement(sql: ScoringDaysTable.upsert)
        for (key, change) in counts where !change.isZero {
            let values: [(any DatabaseValueConvertible)?] = [key.unit, key.day] + change.values.map { $0 }
            upsert.setUncheckedArguments(StatementArguments(values))
            try upsert.execute()
        }
    }
}
