import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension ReplicaStore {
    /// Writes a consistent copy of the replica to a new file at `path` with SQLite's online backup
    /// (other processes may keep writing), and describes it. An existing file is replaced only
    /// when `replacing`.
    ///
    /// ```swift
    /// let summary = try replica.backup(to: "/media/usb/DX-1202.sqlite", replacing: false)
    /// ```
    public func backup(to path: String, replacing: Bool, progress: ProgressReporter? = nil) throws -> BackupSummary {
        try DatabaseBackup.write(from: db, to: path, replacing: replacing, progress: progress.map { (.backup, $0) })
        return try DatabaseBackup.inspect(path: path)
    }

    /// Puts a replica backup in place of the replica at `path` (kept as `PATH.replaced-…` when it
    /// exists and `replacing`; refused otherwise), opens it — migrating it forward — and marks it
    /// to sync before it records new events (``ResyncReason/restored``).
    public static func restore(from backupPath: String, to path: String, replacing: Bool, now: Date, progress: ProgressReporter? = nil) throws -> RestoreOutcome {
        let (summary, replaced) = try DatabaseBackup.restore(from: backupPath, to: path, kind: .replica,
                                                             replacing: replacing, now: now, progress: progress)
        let store = try ReplicaStore(path: path)
        try store.requireResync(.restored)
        let identity = try store.db.read { db in
            try Row.fetchOne(db, sql: "SELECT code, role, name, signing_key FROM node WHERE id = 1").map { row in
                RestoredNode(code: row["code"], role: row["role"], name: row["name"], revoked: false,
                             keyFingerprint: RestoredNode.fingerprint((row["signing_key"] as String?).flatMap { try? NodeSigningKey(base64: $0).publicKey }))
            }
        }
        return RestoreOutcome(backup: summary, database: path, replaced: replaced, schema: try store.schemaVersion(),
                              nodes: identity.map { [$0] } ?? [])
    }

    /// The last migration applied to this replica.
    public func schemaVersion() throws -> String {
        try db.read { db in try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1") ?? "" }
    }

    // MARK: - Sync before recording

    /// Refuses new events until the next successful sync has brought this node's own events back.
    public func requireResync(_ reason: ResyncReason) throws {
        try db.write { db in
            try db.execute(sql: "UPDATE sync_state SET resync_reason = ? WHERE id = 1", arguments: [reason.rawValue])
        }
    }

    /// Why the replica must sync before recording events, or nil.
    public func resyncReason() throws -> ResyncReason? {
        try db.read { db in try Self.resyncReason(db) }
    }

    /// Lets the replica record events again: it holds its own events up to what the hub holds.
    public func clearResync() throws {
        try db.write { db in try db.execute(sql: "UPDATE sync_state SET resync_reason = NULL WHERE id = 1") }
    }

    static func resyncReason(_ db: Database) throws -> ResyncReason? {
        try String.fetchOne(db, sql: "SELECT resync_reason FROM sync_state WHERE id = 1").flatMap(ResyncReason.init(rawValue:))
    }
}

extension ReplicaStore {
    /// Keeps the hub's account of the lost replica's events (`gongdan init --recover`), for `gongdan status`.
    public func saveRecovery(_ report: RecoveryReport) throws {
        let json = String(decoding: try GongdanJSON.encoder().encode(report), as: UTF8.self)
        try db.write { db in try db.execute(sql: "UPDATE sync_state SET recovery = ? WHERE id = 1", arguments: [json]) }
    }

    /// The hub's account of the lost replica's events, if this replica was re-initialised from the hub.
    public func recovery() throws -> RecoveryReport? {
        guard let json = try db.read({ db in try String.fetchOne(db, sql: "SELECT recovery FROM sync_state WHERE id = 1") }) else {
            return nil
        }
        return try GongdanJSON.decoder().decode(RecoveryReport.self, from: Data(json.utf8))
    }
}
