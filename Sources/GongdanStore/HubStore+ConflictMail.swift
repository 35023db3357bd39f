import GRDB
import GongdanCore
import GongdanSync

/// The conflicts a node's events raised that it was not yet told of (`conflict_mail`): written by
/// the fold, handed over with the node's next push answer or the last page of its pull.
extension HubStore {
    /// Keeps conflict `id` for each of `nodes` until it is told.
    static func addressConflict(_ db: Database, _ id: Int64, to nodes: Set<String>) throws {
        let mail = try db.cachedStatement(sql: "INSERT OR IGNORE INTO conflict_mail (node, conflict) VALUES (?, ?)")
        for node in nodes.sorted() { try mail.execute(arguments: [node, id]) }
    }

    /// The district's workstation nodes (not revoked).
    static func workstations(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db.cachedStatement(sql: "SELECT code FROM nodes WHERE role = ? AND revoked = 0"),
                                arguments: [Role.workstation.rawValue]))
    }

    /// The conflicts addressed to `node` that it was not yet told of, and forgets them (they stay
    /// in the conflict queue).
    static func takeConflictMail(_ db: Database, for node: String) throws -> [ConflictNotice] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT c.id, c.ticket, c.kind, c.summary FROM conflict_mail m JOIN conflicts c ON c.id = m.conflict
            WHERE m.node = ? ORDER BY c.id
            """), arguments: [node])
        guard !rows.isEmpty else { return [] }
        try db.cachedStatement(sql: "DELETE FROM conflict_mail WHERE node = ?").execute(arguments: [node])
        return rows.compactMap { row in
            ConflictKind(rawValue: row[2]).map { ConflictNotice(id: row[0], ticket: row[1], kind: $0, summary: row[3]) }
        }
    }

    static func hasConflictMail(_ db: Database, for node: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM conflict_mail WHERE node = ?)"),
                          arguments: [node]) ?? false
    }
}
