import Foundation
import GRDB

/// How every Gongdan database file is opened: WAL, `synchronous=FULL` (a committed event survives a
/// power cut), a busy timeout, the parent folder created; then migrated forward — or refused,
/// unharmed, when a newer gongdan wrote it.
enum DurableDatabase {
    static func open(path: String, migrator: DatabaseMigrator) throws -> DatabaseQueue {
        var config = Configuration()
        config.journalMode = .wal
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
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
        if superseded { throw StoreError.newerSchema(path: path) }
        if !complete { try migrator.migrate(queue) }
    }
}
