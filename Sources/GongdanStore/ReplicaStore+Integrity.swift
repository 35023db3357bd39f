import GRDB
import GongdanCore

extension ReplicaStore {
    /// Checks the invariants a crash must never break: every ticket with events has a projection
    /// that accounts for all of them; this node's own events are numbered 1…last_seq without gaps;
    /// a long ticket's stored state is what a full fold of its events gives; SQLite's own integrity check passes. Returns the problems found (empty when sound).
    public func integrityProblems() throws -> [String] {
        try db.read { db in
            var problems: [String] = []
            let sqlite = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if sqlite != ["ok"] { problems += sqlite.map { "sqlite: \($0)" } }
            for row in try Row.fetchAll(db, sql: """
                SELECT e.ticket, count(*) AS n, t.event_count AS projected
                FROM events e LEFT JOIN tickets t ON t.code = e.ticket
                GROUP BY e.ticket HAVING projected IS NULL OR projected != n
                """) {
                let ticket: String = row["ticket"]
                let n: Int = row["n"]
                let projected: Int? = row["projected"]
                problems.append("ticket \(ticket): \(n) events but the projection accounts for \(projected.map(String.init) ?? "none")")
            }
            let orphans = try Int.fetchOne(db, sql: "SELECT count(*) FROM tickets WHERE code NOT IN (SELECT ticket FROM events)") ?? 0
            if orphans > 0 { problems.append("\(orphans) ticket projections have no events") }
            if let identity = try Self.identity(db) {
                let row = try Row.fetchOne(db, sql: "SELECT count(*) AS n, coalesce(max(seq), 0) AS top FROM events WHERE origin = ?",
                                           arguments: [identity.code])!
                let lastSeq = try Int64.fetchOne(db, sql: "SELECT last_seq FROM node WHERE id = 1") ?? 0
                let n: Int64 = row["n"], top: Int64 = row["top"]
                if n != top || top != lastSeq {
                    problems.append("own events: \(n) stored, highest seq \(top), counter \(lastSeq) — they should all be equal")
                }
            }
            return problems + (try SealedOpenings.problems(db)) + (try FoldedStates.problems(db, policy: try Self.districtPolicy(db)))
        }
    }
}
