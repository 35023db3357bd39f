import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// Stores accepted events (a node's push or the hub's own) and folds them, with any events stored
    /// before and not yet folded, into the projections, in the caller's transaction. Returns the
    /// conflicts the fold found new or changed; those raised by other nodes' events are kept for them.
    func commit(_ db: Database, _ events: [ChainedEvent], now: Date) throws -> [ConflictNotice] {
        guard !events.isEmpty else { return [] }
        unfolded.remember(events, commits: try store(db, events))
        try projectAll(db, now: now)
        var notices: [ConflictNotice] = []
        for origin in Set(events.map(\.event.id.origin)) where origin != Self.origin {
            notices += try Self.takeConflictMail(db, for: origin)
        }
        return notices.sorted { $0.id < $1.id }
    }

    /// Stores accepted events, in the caller's transaction: each gets the next commit sequence
    /// (`events.local_id`); each origin's head advances; the hub's clock observes them. Returns the
    /// commit sequence of each event, in order. Nothing is folded: ``projectPending(_:limit:now:)`` does that.
    @discardableResult
    func store(_ db: Database, _ events: [ChainedEvent]) throws -> [Int64] {
        let insert = try EventRowInsert(db)
        defer { insert.finish() }
        var heads: [String: (seq: Int64, hash: String)] = [:]
        var commits: [Int64] = []
        commits.reserveCapacity(events.count)
        var latest = HybridTimestamp(millis: 0)
        for index in events.indices {
            commits.append(try insert.insert(events[index]))
            let id = events[index].event.id
            if id.seq > heads[id.origin]?.seq ?? 0 { heads[id.origin] = (id.seq, events[index].hash) }
            latest = max(latest, events[index].event.hlc)
        }
        let advance = try db.cachedStatement(sql: """
            INSERT INTO origins (origin, has_seq, head_hash) VALUES (?, ?, ?)
            ON CONFLICT(origin) DO UPDATE SET has_seq = excluded.has_seq, head_hash = excluded.head_hash
            """)
        for (origin, head) in heads {
            try advance.execute(arguments: [origin, head.seq, head.hash])
        }
        try db.cachedStatement(sql: "UPDATE hub SET hlc = max(hlc, ?) WHERE id = 1").execute(arguments: [latest.packed])
        return commits
    }

    /// Every unit the ticket was ever assigned to (each applied dispatch or escalation, lead and
    /// co-units) and the units the projection names (lead, co-units, the creating unit): a batch
    /// that dispatches and re-dispatches must still leave the first unit in scope.
    static func scope(of state: TicketState, events: [TicketEvent]) -> Set<String> {
        var units = Set([state.lead, state.createdBy.unit].compactMap { $0} + state.coUnits)
        let superseded = Set(state.supersededEvents)
        for event in events where !superseded.contains(event.id) {
            switch event.payload {
            case .dispatched(let assignment), .escalated(let assignment):
                units.insert(assignment.lead)
                units.formUnion(assignment.co)
            default:
                break
            }
        }
        return units
    }

    /// Records that `units` are in the ticket's scope.
    static func recordScope(_ db: Database, ticket: String, units: [String]) throws {
        let involve = try db.cachedStatement(sql: "INSERT OR IGNORE INTO ticket_units (ticket, unit) VALUES (?, ?)")
        for unit in units { try involve.execute(arguments: [ticket, unit]) }
    }

    /// The units a ticket involves at the hub (its scope), in a stable order.
    static func unitsInvolved(_ db: Database, ticket: String) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT unit FROM ticket_units WHERE ticket = ? ORDER BY unit"),
                            arguments: [ticket])
    }

    /// A unit newly in the ticket's scope gets its whole history (commit order); a unit already in
    /// it gets the new events. `INSERT OR IGNORE` keeps each event once per feed. A history ends at
    /// `through`, the last commit folded: later events join the feeds when they are folded.
    func extendFeeds(_ db: Database, ticket: String, entering: [String], staying: [String], commits: [Int64],
                     through: Int64) throws {
        let history = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO feed (unit, commit_seq)
                SELECT ?, local_id FROM events WHERE ticket = ? AND local_id <= ? ORDER BY local_id
            """)
        for unit in entering {
            try history.execute(arguments: [unit, ticket, through])
        }
        guard !staying.isEmpty else { return }
        let append = try db.cachedStatement(sql: "INSERT OR IGNORE INTO feed (unit, commit_seq) VALUES (?, ?)")
        for commit in commits {
            for unit in staying { try append.execute(arguments: [unit, commit]) }
        }
    }

    /// Other tickets of the same entity taken in within the window, alike in summary.
    func duplicateIntakes(_ db: Database, state: TicketState, createdEvent: EventID) throws -> [DetectedConflict] {
        let window = Int64(ConflictDetector.duplicateWindow * 1000)
        let createdAt = state.createdAt.millis
        // Two indexed lookups (by name, by credit code) rather than one OR that scans every ticket.
        // Nearly always nobody else: two indexed lookups, then the details only for candidates.
        let anyCandidate = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM tickets WHERE entity_name = ? AND created_at BETWEEN ? AND ? AND code != ?)
                OR EXISTS (SELECT 1 FROM tickets WHERE credit_code = ? AND created_at BETWEEN ? AND ? AND code != ?)
            """), arguments: [state.intake.entity.name, createdAt - window, createdAt + window, state.code,
                              state.intake.entity.creditCode, createdAt - window, createdAt + window, state.code]) ?? false
        guard anyCandidate else { return [] }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            WITH candidates(code) AS (
                SELECT code FROM tickets WHERE entity_name = ? AND created_at BETWEEN ? AND ?
                UNION
                SELECT code FROM tickets WHERE credit_code = ? AND created_at BETWEEN ? AND ?
            )
            SELECT t.code, t.entity_name, t.credit_code, t.summary, t.created_at, t.status,
                   (SELECT origin FROM events e WHERE e.ticket = t.code AND e.type = 'created' ORDER BY local_id LIMIT 1) AS origin,
                   (SELECT seq FROM events e WHERE e.ticket = t.code AND e.type = 'created' ORDER BY local_id LIMIT 1) AS seq
            FROM candidates c JOIN tickets t ON t.code = c.code
            WHERE t.code != ? AND t.status != 'merged'
            """), arguments: [state.intake.entity.name, createdAt - window, createdAt + window,
                             state.intake.entity.creditCode, createdAt - window, createdAt + window, state.code])
        let candidates = rows.compactMap { row -> IntakeRecord? in
            guard let origin: String = row["origin"], let seq: Int64 = row["seq"] else { return nil }
            return IntakeRecord(code: row["code"], entityName: row["entity_name"], creditCode: row["credit_code"],
                                summary: row["summary"], createdAt: Date(millis: row["created_at"]),
                                createdEvent: EventID(origin: origin, seq: seq))
        }
        let record = IntakeRecord(code: state.code, entityName: state.intake.entity.name,
                                  creditCode: state.intake.entity.creditCode, summary: state.intake.summary,
                                  createdAt: state.createdAt, createdEvent: createdEvent, merged: state.status == .merged)
        return ConflictDetector.duplicateIntakes(of: record, among: candidates)
    }
}
