import Foundation
import GRDB

extension HubStore {
    /// Writes a consistent copy of the hub database to a new file at `path` with SQLite's online
    /// backup — while the hub serves: the copy is the database as of one commit, never half a push.
    /// An existing file is replaced only when `replacing`.
    public func backup(to path: String, replacing: Bool, progress: ProgressReporter? = nil) throws -> BackupSummary {
        try DatabaseBackup.write(from: db, to: path, replacing: replacing, progress: progress.map { (.backup, $0) })
        return try DatabaseBackup.inspect(path: path)
    }

    /// Puts a hub backup in place of the hub database at `path` (stop the hub first; the current
    /// database is kept as `PATH.replaced-…` when `replacing`, refused otherwise) and opens it,
    /// migrating it forward, with a new epoch. Nodes that pushed after the backup push those events
    /// again at their next sync (they still hold them); seeing the new epoch (protocol 1.2), each
    /// node pulls its feed again from the start.
    public static func restore(from backupPath: String, to path: String, replacing: Bool, now: Date, progress: ProgressReporter? = nil) throws -> RestoreOutcome {
        // Never under a running hub: its later writes would go to the replaced file.
        let lock = try HubServeLock.acquire(for: path, purpose: "gongdan hub restore")
        defer { withExtendedLifetime(lock) {} }
        let (summary, replaced) = try DatabaseBackup.restore(from: backupPath, to: path, kind: .hub,
                                                             replacing: replacing, now: now, progress: progress)
        let store = try HubStore(path: path)
        // Nodes' pull cursors may be past what the restored feed holds: a new epoch makes each
        // node pull its feed again from the start (applying an event it holds is a no-op).
        let schema = try store.db.write { db in
            try db.execute(sql: "UPDATE hub SET epoch = ? WHERE id = 1", arguments: [UUID().uuidString.lowercased()])
            return try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1") ?? ""
        }
        let nodes = try store.db.read { db in
            try Row.fetchAll(db, sql: "SELECT code, role, name, revoked, public_key FROM nodes ORDER BY code").map { row in
                RestoredNode(code: row["code"], role: row["role"], name: row["name"], revoked: row["revoked"],
                             keyFingerprint: RestoredNode.fingerprint(row["public_key"]))
            }
        }
        return RestoreOutcome(backup: summary, database: path, replaced: replaced, schema: schema, nodes: nodes,
                              viewers: try store.viewerNames())
    }
}
