import Foundation
import GRDB
import GRDBSQLite
import GongdanCore

extension HubStore {
    /// Writes the ``TicketFacts`` of a freshly folded ticket into `ticket_facts` and
    /// `handling_rounds`, in the caller's transaction. Runs for every ticket of every push, so it
    /// uses cached statements only: one upsert of the ticket's row, then delete and insert its rounds;
    /// the daily scoring sums change by the difference between what the old and new facts count in.
    ///
    /// `keepingScoringDays` false leaves `scoring_days` alone: for migration "hub v5", which runs before
    /// that table exists ("hub v8" computes it from the whole projection). `stored` false says the
    /// projection cannot hold the ticket yet (none of its events was stored before), so nothing is read back.
    static func writeFacts(_ db: Database, _ state: TicketState, keepingScoringDays: Bool = true, stored: Bool = true) throws {
        let facts = TicketFacts(state)
        if keepingScoringDays {
            let counted = stored ? try storedScoringContributions(db, code: facts.code) : []
            try updateScoringDays(db, removing: counted, adding: scoringContributions(of: facts))
        }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO ticket_facts (code, category, source, entity_name, credit_code, summary, created_at,
                created_by_unit, hotline_received_at, intake_deadline, status, lead, deadline, closed_at, closure,
                closure_reason, merged_into, last_event_at, active_until, unsatisfied, max_rejected)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET category = excluded.category, source = excluded.source,
                entity_name = excluded.entity_name, credit_code = excluded.credit_code, summary = excluded.summary,
                created_at = excluded.created_at, created_by_unit = excluded.created_by_unit,
                hotline_received_at = excluded.hotline_received_at, intake_deadline = excluded.intake_deadline,
                status = excluded.status, lead = excluded.lead, deadline = excluded.deadline,
                closed_at = excluded.closed_at, closure = excluded.closure, closure_reason = excluded.closure_reason,
                merged_into = excluded.merged_into, last_event_at = excluded.last_event_at,
                active_until = excluded.active_until, unsatisfied = excluded.unsatisfied, max_rejected = excluded.max_rejected
            RETURNING id
            """)
        var rejectedByUnit: [String: Int] = [:]
        for round in facts.rounds { rejectedByUnit[round.unit, default: 0] += round.rejectedReplies }
        let unsatisfied = facts.rounds.count { $0.evaluation?.satisfaction == .unsatisfied }
        let closure = facts.closure.map(FactsRow.closureText)
        var activeUntil = facts.createdAt
        for round in facts.rounds {
            for date in [round.startedAt, round.signBy, round.deadline, round.signedAt, round.returnedAt, round.endedAt,
                         round.repliedAt, round.acceptedAt, round.evaluatedAt] {
                if let date, date > activeUntil { activeUntil = date }
            }
        }
        let values: [(any DatabaseValueConvertible)?] = [
            facts.code, facts.category.rawValue, facts.source.rawValue, facts.entityName, facts.creditCode, facts.summary,
            facts.createdAt.millis, facts.createdByUnit, facts.hotlineReceivedAt?.millis, facts.intakeDeadline?.millis,
            facts.status.rawValue, facts.lead, facts.deadline?.millis, facts.closedAt?.millis, closure?.kind,
            closure?.reason, facts.mergedInto, state.lastEventAt.millis, activeUntil.millis, unsatisfied,
            rejectedByUnit.values.max() ?? 0,
        ]
        // The 21 values match the statement's 21 placeholders.
        upsert.setUncheckedArguments(StatementArguments(values))
        guard let id = try Int64.fetchOne(upsert) else { return }

        let clear = try db.cachedStatement(sql: "DELETE FROM handling_rounds WHERE ticket_id = ?")
        clear.setUncheckedArguments([id])
        try clear.execute()
        guard !facts.rounds.isEmpty else { return }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO handling_rounds (ticket_id, position, kind, unit, co_units, started_at, sign_by, deadline,
                extension_days, signed_at, returned_at, ended_at, replied_at, rejected_replies, accepted_at,
                satisfaction, resolved, reasonable, channel, note, evaluated_at, settled_at, late_from)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, round) in facts.rounds.enumerated() {
            let settled = [round.acceptedAt, round.endedAt].compactMap { $0 }.min()
            let lateFrom = round.deadline.flatMap { deadline in (settled.map { $0 >= deadline } ?? true) ? deadline : nil }
            let evaluation = round.evaluation
            let values: [(any DatabaseValueConvertible)?] = [
                id, position, round.kind.rawValue, round.unit, round.coUnits.joined(separator: ","),
                round.startedAt.millis, round.signBy?.millis, round.deadline?.millis, round.extensionDaysGranted,
                round.signedAt?.millis, round.returnedAt?.millis, round.endedAt?.millis, round.repliedAt?.millis,
                round.rejectedReplies, round.acceptedAt?.millis, evaluation?.satisfaction.rawValue, evaluation?.resolved,
                evaluation?.reasonable, evaluation?.channel.rawValue, evaluation?.note, round.evaluatedAt?.millis,
                settled?.millis, lateFrom?.millis,
            ]
            insert.setUncheckedArguments(StatementArguments(values))
            try insert.execute()
        }
    }

    /// Folds every ticket the hub holds and writes its facts: fills the projection when migration
    /// "hub v5" runs on a hub that already has tickets.
    static func backfillFacts(_ db: Database) throws {
        let codes = try String.fetchAll(db, sql: "SELECT code FROM tickets ORDER BY code")
        let policy = try districtPolicy(db)
        for code in codes {
            guard let state = TicketFold.fold(try ReplicaStore.events(db, ticket: code), policy: policy) else { continue }
            try writeFacts(db, state, keepingScoringDays: false)
        }
    }

    // MARK: - Reading

    /// How much of each ticket to read: scoring never looks at the entity's name or the summary.
    enum FactsDetail {
        /// Everything (supervision compares entities and summaries).
        case full
        /// Without the entity name, credit code and summary (left empty).
        case scoring
    }

    /// The facts of the tickets whose rowids are `ids` (sorted ascending, no repeats), in that order.
    /// A dense set is read by scanning the id range; a sparse one by looking each id up.
    static func facts(_ db: Database, ids: [Int64], detail: FactsDetail) throws -> [TicketFacts] {
        guard let first = ids.first, let last = ids.last else { return [] }
        let dense = ids.count * 4 >= Int(last - first + 1)
        let text = detail == .full ? "entity_name, credit_code, summary" : "NULL, NULL, NULL"
        let columns = """
            id, code, category, source, \(text), created_at, created_by_unit, hotline_received_at, intake_deadline,
            status, lead, deadline, closed_at, closure, closure_reason, merged_into
            """
        let roundColumns = """
            ticket_id, kind, unit, co_units, started_at, sign_by, deadline, extension_days, signed_at, returned_at,
            ended_at, replied_at, rejected_replies, accepted_at, satisfaction, resolved, reasonable, channel, note,
            evaluated_at
            """
        let ticketStatement: Statement, roundStatement: Statement
        if dense {
            ticketStatement = try db.makeStatement(sql: "SELECT \(columns) FROM ticket_facts WHERE id BETWEEN ? AND ? ORDER BY id")
            try ticketStatement.setArguments([first, last])
            roundStatement = try db.makeStatement(sql: """
                SELECT \(roundColumns) FROM handling_rounds WHERE ticket_id BETWEEN ? AND ? ORDER BY ticket_id, position
                """)
            try roundStatement.setArguments([first, last])
        } else {
            let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
            ticketStatement = try db.makeStatement(sql: """
                SELECT \(columns) FROM ticket_facts WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id
                """)
            try ticketStatement.setArguments([list])
            roundStatement = try db.makeStatement(sql: """
                SELECT \(roundColumns) FROM handling_rounds WHERE ticket_id IN (SELECT value FROM json_each(?))
                ORDER BY ticket_id, position
                """)
            try roundStatement.setArguments([list])
        }
        var result: [TicketFacts] = []
        result.reserveCapacity(ids.count)
        var rowids: [Int64] = []
        rowids.reserveCapacity(ids.count)
        var wanted = 0
        let tickets = FactsRow(statement: ticketStatement.sqliteStatement)
        try step(ticketStatement) {
            let id = tickets.int(0)
            while wanted < ids.count, ids[wanted] < id { wanted += 1 }
            guard wanted < ids.count, ids[wanted] == id else { return }
            result.append(try tickets.ticket())
            rowids.append(id)
        }
        var index = 0
        let rounds = FactsRow(statement: roundStatement.sqliteStatement)
        try step(roundStatement) {
            let ticket = rounds.int(0)
            while index < rowids.count, rowids[index] < ticket { index += 1 }
            guard index < rowids.count, rowids[index] == ticket else { return }
            result[index].rounds.append(try rounds.round())
        }
        return result
    }

    /// Streams the tickets that can count in `accumulator`'s period (see ``scoringTicketIDs(_:start:end:)``)
    /// into it, one ticket and its rounds at a time, reading only the columns scoring uses. A dense set
    /// is read by one pass over each table's id range in step; a sparse one by looking each id up.
    static func accumulateScoring(_ db: Database, into accumulator: inout ScoringAccumulator) throws {
        try accumulateScoring(db, ids: try scoringTicketSet(db, start: accumulator.period.start, end: accumulator.judgedAt),
                              into: &accumulator)
    }

    /// Streams the tickets `ids` into `accumulator` (see ``accumulateScoring(_:into:)``).
    static func accumulateScoring(_ db: Database, ids: TicketIDSet, into accumulator: inout ScoringAccumulator) throws {
        guard let first = ids.first, let last = ids.last else { return }
        let ticketColumns = "id, code, source, created_at, created_by_unit, intake_deadline"
        let roundColumns = scoredRoundColumns
        if ids.isDense {
            let ticketStatement = try db.cachedStatement(sql: """
                SELECT \(ticketColumns) FROM ticket_facts WHERE id BETWEEN ? AND ? ORDER BY id
                """)
            let roundStatement = try db.cachedStatement(sql: """
                SELECT \(roundColumns) FROM handling_rounds WHERE ticket_id BETWEEN ? AND ? ORDER BY ticket_id, position
                """)
            try ticketStatement.setArguments([first, last])
            try roundStatement.setArguments([first, last])
            let tickets = FactsRow(statement: ticketStatement.sqliteStatement)
            let rounds = FactsRow(statement: roundStatement.sqliteStatement)
            var cursor = RowCursor(roundStatement)
            defer { cursor.finish() }
            try step(ticketStatement) {
                let id = tickets.int(0)
                guard ids.contains(id) else { return }
                try tickets.beginScoredTicket(&accumulator)
                while try cursor.hasRow(), rounds.int(0) < id { try cursor.next() }
                while try cursor.hasRow(), rounds.int(0) == id {
                    accumulator.addRound(try rounds.scoredRound())
                    try cursor.next()
                }
            }
        } else {
            let ticketStatement = try db.cachedStatement(sql: "SELECT \(ticketColumns) FROM ticket_facts WHERE id = ?")
            let roundStatement = try db.cachedStatement(sql: """
                SELECT \(roundColumns) FROM handling_rounds WHERE ticket_id = ? ORDER BY position
                """)
            let tickets = FactsRow(statement: ticketStatement.sqliteStatement)
            let rounds = FactsRow(statement: roundStatement.sqliteStatement)
            try ids.forEach { id in
                sqlite3_reset(ticketStatement.sqliteStatement)
                sqlite3_bind_int64(ticketStatement.sqliteStatement, 1, id)
                try step(ticketStatement) { try tickets.beginScoredTicket(&accumulator) }
                sqlite3_reset(roundStatement.sqliteStatement)
                sqlite3_bind_int64(roundStatement.sqliteStatement, 1, id)
                try step(roundStatement) { accumulator.addRound(try rounds.scoredRound()) }
            }
        }
    }

    /// The `handling_rounds` columns ``FactsRow/scoredRound()`` reads, in its order.
    static let scoredRoundColumns = """
        ticket_id, unit, started_at, sign_by, deadline, signed_at, returned_at, ended_at, accepted_at, satisfaction,
        resolved, reasonable, evaluated_at
        """

    /// A statement stepped one row at a time beside another (a merge of two ordered scans).
    private struct RowCursor {
        let statement: Statement
        private var state: Int32?

        init(_ statement: Statement) {
            self.statement = statement
            sqlite3_reset(statement.sqliteStatement)
        }

        /// Whether the cursor stands on a row (stepping to the first one on first use).
        mutating func hasRow() throws -> Bool {
            if state == nil { try next() }
            return state == SQLITE_ROW
        }

        mutating func next() throws {
            let code = sqlite3_step(statement.sqliteStatement)
            guard code == SQLITE_ROW || code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "reading the ticket facts failed",
                                    sql: statement.sql)
            }
            state = code
        }

        func finish() {
            sqlite3_reset(statement.sqliteStatement)
        }
    }

    /// Steps through `statement`'s rows with SQLite's C API, calling `row` for each.
    static func step(_ statement: Statement, _ row: () throws -> Void) throws {
        let sqlite = statement.sqliteStatement
        sqlite3_reset(sqlite)
        defer { sqlite3_reset(sqlite) }
        while true {
            let code = sqlite3_step(sqlite)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "reading the ticket facts failed",
                                    sql: statement.sql)
            }
            try row()
        }
    }

    /// The rowids of the tickets that can count in a scoring period judged up to `end`, ascending: those
    /// whose span (`created_at` … `active_until`) overlaps `start..<end` — every ticket with a date the
    /// engine counts in the window (a round's start, signing limit, return, acceptance or evaluation, a
    /// hotline intake) is among them — and those with a round late and unsettled at `end`.
    static func scoringTicketIDs(_ db: Database, start: Date, end: Date) throws -> [Int64] {
        try scoringTicketSet(db, start: start, end: end).sorted()
    }

    /// ``scoringTicketIDs(_:start:end:)`` as a ``TicketIDSet``, read with SQLite's C API.
    static func scoringTicketSet(_ db: Database, start: Date, end: Date) throws -> TicketIDSet {
        var set = try spanningTicketSet(db, start: start, end: end)
        let late = try db.cachedStatement(sql: """
            SELECT ticket_id FROM handling_rounds WHERE late_from IS NOT NULL AND settled_at IS NULL
                AND late_from <= ?1 AND started_at < ?1
            UNION ALL
            SELECT ticket_id FROM handling_rounds WHERE late_from IS NOT NULL AND settled_at >= ?1
                AND late_from <= ?1 AND started_at < ?1
            """)
        try late.setArguments([max(start.millis, end.millis)])
        try step(late) { set.insert(sqlite3_column_int64(late.sqliteStatement, 0)) }
        return set
    }

    /// The rowids of the tickets whose span (`created_at` … `active_until`) overlaps `start..<end`:
    /// every ticket with a date the engine counts in that window is among them. Empty for an empty window.
    static func spanningTicketSet(_ db: Database, start: Date, end: Date) throws -> TicketIDSet {
        let range = try db.cachedStatement(sql: "SELECT min(id), max(id) FROM ticket_facts")
        var lowest: Int64 = 0, highest: Int64 = -1
        try step(range) {
            guard sqlite3_column_type(range.sqliteStatement, 0) != SQLITE_NULL else { return }
            lowest = sqlite3_column_int64(range.sqliteStatement, 0)
            highest = sqlite3_column_int64(range.sqliteStatement, 1)
        }
        var set = TicketIDSet(lowest: lowest, highest: highest)
        guard highest >= lowest, start < end else { return set }
        let spanning = try db.cachedStatement(sql: """
            SELECT id FROM ticket_facts WHERE active_until >= ? AND created_at < ?
            """)
        try spanning.setArguments([start.millis, end.millis])
        try step(spanning) { set.insert(sqlite3_column_int64(spanning.sqliteStatement, 0)) }
        return set
    }

    /// Per unit, the rounds overdue and still open at `end` (``ScoringContribution/overdueAndOpen(_:at:)``),
    /// read from the late rounds' covering index alone.
    static func overdueRounds(_ db: Database, at end: Date) throws -> [String: Int] {
        let statement = try db.cachedStatement(sql: """
            SELECT unit, started_at, deadline, accepted_at, ended_at FROM handling_rounds
                WHERE late_from IS NOT NULL AND settled_at IS NULL AND late_from <= ?1 AND started_at < ?1
            UNION ALL
            SELECT unit, started_at, deadline, accepted_at, ended_at FROM handling_rounds
                WHERE late_from IS NOT NULL AND settled_at >= ?1 AND late_from <= ?1 AND started_at < ?1
            """)
        try statement.setArguments([end.millis])
        let row = FactsRow(statement: statement.sqliteStatement)
        var counts: [String: Int] = [:]
        try step(statement) {
            let round = ScoringRound(unit: row.text(0), startedAt: Date(millis: row.int(1)), signBy: nil, deadline: row.date(2),
                                     signedAt: nil, returnedAt: nil, endedAt: row.date(4), acceptedAt: row.date(3),
                                     evaluation: nil, evaluatedAt: nil)
            if ScoringContribution.overdueAndOpen(round, at: end) { counts[round.unit, default: 0] += 1 }
        }
        return counts
    }

    /// The rowids of the tickets supervision must look at as of `asOf` under `thresholds` (see
    /// ``supervisionFacts(asOf:thresholds:)``), and of those, the tickets that changed after `asOf`.
    static func supervisionTicketIDs(_ db: Database, asOf: Date,
                                     thresholds: SupervisionThresholds) throws -> (all: [Int64], changedSince: [Int64]) {
        let a = asOf.millis
        let day: Int64 = 86_400_000
        let unsignedFrom = a - Int64(thresholds.unsignedWindowDays) * day
        let overruledFrom = a - Int64(thresholds.returnsOverruledWindowDays) * day
        let repeatedFrom = a - 3 * Int64(thresholds.repeatedReportWindowDays) * day
        let all = try Int64.fetchAll(db, sql: """
            SELECT id FROM ticket_facts WHERE status IN ('pendingSign', 'handling') AND deadline <= ?1
            UNION SELECT id FROM ticket_facts WHERE active_until >= min(?2, ?3) AND created_at <= ?1
            UNION SELECT id FROM ticket_facts WHERE created_at >= ?4 AND created_at <= ?1
            UNION SELECT id FROM ticket_facts WHERE unsatisfied > 0 AND unsatisfied >= ?5
            UNION SELECT id FROM ticket_facts WHERE max_rejected > 0 AND max_rejected >= ?6
            UNION SELECT id FROM ticket_facts WHERE last_event_at > ?1 AND created_at <= ?1
            ORDER BY 1
            """, arguments: [a, unsignedFrom, overruledFrom, repeatedFrom, max(1, thresholds.unsatisfiedTimes),
                             max(1, thresholds.nonStandardReplyTimes)])
        let changed = try Int64.fetchAll(db, sql: """
            SELECT id FROM ticket_facts WHERE last_event_at > ? AND created_at <= ? ORDER BY id
            """, arguments: [a, a])
        return (all, changed)
    }
}
