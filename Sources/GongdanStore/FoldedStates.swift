import Foundation
import GRDB
import GongdanCore

/// The folded state of every ticket with a long history, stored beside its projection row, so that
/// recording one more event costs the same however long the history is: the new event is applied to
/// the stored state instead of folding every event again.
///
/// A state is written with its projection row (``ReplicaStore/recordFold(_:_:)``), in the same
/// transaction, by every fold — a local append, a pull or bundle, openings arriving, a policy refold —
/// so the two never disagree. Tickets shorter than ``threshold`` are folded whole (a few milliseconds)
/// and store nothing; `gongdan check` compares every stored state with a full fold.
enum FoldedStates {
    /// Histories from this many events on keep their state.
    static let threshold = 32

    static let sql = """
        CREATE TABLE ticket_states (
            code TEXT PRIMARY KEY,
            event_count INTEGER NOT NULL,
            state BLOB NOT NULL          -- the TicketState, JSON
        ) WITHOUT ROWID;
        """

    /// Stores `state` when its history is long enough (and drops any older copy otherwise).
    static func write(_ db: Database, _ state: TicketState) throws {
        guard state.eventCount >= threshold else {
            try db.cachedStatement(sql: "DELETE FROM ticket_states WHERE code = ?").execute(arguments: [state.code])
            return
        }
        let data = try JSONEncoder().encode(state)
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO ticket_states (code, event_count, state) VALUES (?, ?, ?)")
            .execute(arguments: [state.code, state.eventCount, data])
    }

    /// The stored state of `code`, when there is one that accounts for as many events as its projection.
    static func read(_ db: Database, code: String) throws -> TicketState? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT s.state, s.event_count, t.event_count AS projected
            FROM ticket_states s JOIN tickets t ON t.code = s.code WHERE s.code = ?
            """), arguments: [code]) else { return nil }
        let count: Int = row["event_count"], projected: Int = row["projected"]
        guard count == projected, let data = row["state"] as Data? else { return nil }
        return try? JSONDecoder().decode(TicketState.self, from: data)
    }

    /// Tickets whose stored state differs from a full fold of their events (for `gongdan check`).
    static func problems(_ db: Database, policy: DistrictPolicy) throws -> [String] {
        var problems: [String] = []
        for code in try String.fetchAll(db, sql: "SELECT code FROM ticket_states ORDER BY code") {
            let folded = TicketFold.fold(try ReplicaStore.events(db, ticket: code), policy: policy)
            guard let stored = try read(db, code: code) else {
                problems.append("ticket \(code): its stored folded state is unreadable or behind its projection")
                continue
            }
            if stored != folded {
                problems.append("ticket \(code): its stored folded state differs from a full fold of its events")
            }
        }
        return problems
    }
}
