import Foundation
import GRDB

/// How every Gongdan database file is opened: WAL, `synchronous=FULL` (a committed event survives a
/// power cut), a busy timeout, the file and its parent folder created owner-only (``PrivateFiles``); then migrated forward — or refused,
/// unharmed, when a newer gongdan wrote it.
enum DurableDatabase {
    ///
    /// Failures are ``StoreError``s that say what to do: a newer schema, the other kind of
    /// database (a hub's opened as a replica or the reverse), a file that cannot be opened.
    static func open(path: String, migrator: DatabaseMigrator) throws -> DatabaseQueue {
        do {
            return try openMigrated(path: path, migrator: migrator)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw StoreError.storageFull(path: path)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw StoreError.cannotOpen(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    private static func openMigrated(path: String, migrator: DatabaseMigrator) throws -> DatabaseQueue {
        var config = Configuration()
        config.journalMode = .wal
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        // Owner-only whatever the umask: the file holds the node's key and token or the district's data.
        try PrivateFiles.prepareFile(atPath: path)
        let queue = try DatabaseQueue(path: path, configuration: config)
        try migrate(queue, with: migrator, path: path)
        return queue
    }

    /// Applies pending migrations. Reading first keeps read-only commands read-only: GRDB's
    /// `migrate` always opens a write transaction (and so an fsync), which an up-to-date file does not need.
    static func migrate(_ queue: DatabaseQueue, with migrator: DatabaseMigrator, path: String) throws {
        let (superseded, complete) = try queue.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
        }
        if superseded {
            // The other kind of database has migrations this one does not know: say so, not "newer".
            let applied = try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
            let isHub = applied.contains { $0.hasPrefix("hub v") }
            let wantsHub = migrator.migrations.first?.hasPrefix("hub v") ?? false
            if !applied.isEmpty, isHub != wantsHub, !applied.contains(where: { migrator.migrations.contains($0) }) {
                throw StoreError.wrongDatabase(path: path, isHub: isHub)
            }
            throw StoreError.newerSchema(path: path)
        }
        if !complete { try migrator.migrate(queue) }
    }
}
