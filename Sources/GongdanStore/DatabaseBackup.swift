import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SQLite's online backup into a new file, whole or not at all, and the checks and swaps of a
/// restore. Shared by ``ReplicaStore`` and ``HubStore``.
///
/// A backup reads the source in one read transaction (WAL: writers carry on, and the copy is the
/// database as of one commit — never half a push), writes it to a temporary file beside the target,
/// switches the copy to a self-contained rollback journal, flushes it to disk and renames it into place.
/// The copy and any folder made for it are owner-only (``PrivateFiles``).
enum DatabaseBackup {
    /// Copies `source` to a new file at `path`; an existing file is replaced only when `replacing`.
    /// `progress` (with its stage) is told of the pages copied, 1,024 at a time.
    static func write(from source: DatabaseQueue, to path: String, replacing: Bool,
                      progress: (stage: WorkProgress.Stage, report: ProgressReporter)? = nil) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        if FileManager.default.fileExists(atPath: target.path), !replacing { throw BackupError.targetExists(path: path) }
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try PrivateFiles.prepareFile(atPath: temporary.path)
            let destination = try DatabaseQueue(path: temporary.path)
            do {
                if let progress {
                    try source.backup(to: destination, pagesPerStep: 1024) { step in
                        progress.report(WorkProgress(progress.stage, done: Int64(step.completedPageCount), total: Int64(step.totalPageCount)))
                    }
                } else {
                    try source.backup(to: destination)
                }
                try destination.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
                try destination.close()
            } catch {
                try? destination.close()
                throw error
            }
            try flush(temporary.path)
            try move(temporary.path, to: target.path)
            try flush(directory.path)
        } catch let error as BackupError {
            removeTemporary(temporary.path)
            throw error
        } catch {
            removeTemporary(temporary.path)
            throw BackupError.io(path: path, reason: "\(error)")
        }
    }

    /// Reads what a Gongdan database file holds, after checking that it is one and that it passes
    /// `PRAGMA integrity_check`. Opens the file read-only.
    static func inspect(path: String) throws -> BackupSummary {
        guard FileManager.default.fileExists(atPath: path) else { throw BackupError.missingFile(path: path) }
        var config = Configuration()
        config.readonly = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw BackupError.notGongdanDatabase(path: path, reason: "\(error)")
        }
        defer { try? queue.close() }
        let bytes = Int64(((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0)
        do {
            return try queue.read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard problems == ["ok"] else { throw BackupError.damaged(path: path, problems: problems) }
                guard try db.tableExists("grdb_migrations"), try db.tableExists("events") else {
                    throw BackupError.notGongdanDatabase(path: path, reason: "it is an SQLite database without Gongdan's tables")
                }
                let schema = try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1") ?? ""
                let migrator = try db.tableExists("hub") ? HubStore.migrator() : ReplicaStore.migrator()
                let differences = try SchemaAudit.differences(db, migrator: migrator, at: schema)
                guard differences.isEmpty else { throw BackupError.foreignSchema(path: path, differences: differences) }
                let events = try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0
                let lastCommit = try Int64.fetchOne(db, sql: "SELECT max(local_id) FROM events") ?? 0
                if try db.tableExists("hub") {
                    let row = try Row.fetchOne(db, sql: "SELECT district, last_seq FROM hub WHERE id = 1")
                    return BackupSummary(file: path, kind: .hub, node: nil, district: row.flatMap { $0["district"] as String? },
                                         events: events, lastSeq: row.flatMap { $0["last_seq"] as Int64? } ?? 0,
                                         lastCommit: lastCommit, schema: schema,
                                         bytes: bytes, integrity: "ok")
                }
                guard try db.tableExists("node") else {
                    throw BackupError.notGongdanDatabase(path: path, reason: "it has neither a node's nor a hub's identity table")
                }
                let row = try Row.fetchOne(db, sql: "SELECT code, last_seq FROM node WHERE id = 1")
                return BackupSummary(file: path, kind: .replica, node: row.flatMap { $0["code"] as String? }, district: nil,
                                     events: events, lastSeq: row.flatMap { $0["last_seq"] as Int64? } ?? 0,
                                     lastCommit: lastCommit, schema: schema,
                                     bytes: bytes, integrity: "ok")
            }
        } catch let error as BackupError {
            throw error
        } catch {
            throw BackupError.notGongdanDatabase(path: path, reason: "\(error)")
        }
    }

    /// ``inspect(path:)``, refusing a database of the other kind.
    static func inspect(path: String, expecting kind: BackupSummary.Kind) throws -> BackupSummary {
        let summary = try inspect(path: path)
        guard summary.kind == kind else { throw BackupError.wrongKind(path: path, expected: kind, found: summary.kind) }
        return summary
    }

    /// Puts the backup at `backupPath` in place of the database at `path`, after checking that it
    /// is a Gongdan database of `kind` that passes `integrity_check`. An existing database is
    /// refused unless `replacing`, and then kept beside it as `PATH.replaced-YYYYMMDDTHHMMSS`
    /// (UTC; its `-wal` and `-shm` files with it). Returns the backup's summary and where the
    /// replaced database went. The caller opens the result with its store, which migrates it forward.
    static func restore(from backupPath: String, to path: String, kind: BackupSummary.Kind, replacing: Bool,
                        now: Date, progress: ProgressReporter? = nil) throws -> (summary: BackupSummary, replaced: String?) {
        let summary = try inspect(path: backupPath, expecting: kind)
        let target = URL(fileURLWithPath: path).standardizedFileURL.path
        let exists = FileManager.default.fileExists(atPath: target)
        if exists, !replacing { throw BackupError.databaseExists(path: path) }

        let staged = URL(fileURLWithPath: target).deletingLastPathComponent()
            .appendingPathComponent(".\(URL(fileURLWithPath: target).lastPathComponent).restore-\(UUID().uuidString)").path
        var config = Configuration()
        config.readonly = true
        do {
            let source = try DatabaseQueue(path: backupPath, configuration: config)
            defer { try? source.close() }
            try write(from: source, to: staged, replacing: false, progress: progress.map { (.restore, $0) })
        } catch let error as BackupError {
            throw error
        } catch {
            throw BackupError.io(path: path, reason: "\(error)")
        }

        var replaced: String?
        if exists {
            checkpoint(target)
            let keep = keptName(for: target, now: now)
            do {
                try move(target, to: keep)
                for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: target + suffix) {
                    try move(target + suffix, to: keep + suffix)
                }
            } catch {
                removeTemporary(staged)
                throw BackupError.io(path: path, reason: "could not set the current database aside: \(error)")
            }
            replaced = keep
        }
        do {
            try move(staged, to: target)
            try flush(URL(fileURLWithPath: target).deletingLastPathComponent().path)
        } catch {
            throw BackupError.io(path: path, reason: "the restored copy is at \(staged)\(replaced.map { ", the previous database at \($0)" } ?? ""): \(error)")
        }
        return (summary, replaced)
    }

    /// `PATH.replaced-YYYYMMDDTHHMMSS` (UTC), with `-2`, `-3` … if that name is taken.
    static func keptName(for path: String, now: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        let base = "\(path).replaced-\(formatter.string(from: now))"
        var name = base
        var count = 1
        while FileManager.default.fileExists(atPath: name) {
            count += 1
            name = "\(base)-\(count)"
        }
        return name
    }

    /// Folds the write-ahead log into the database file, best effort (a damaged file keeps its
    /// `-wal` beside it, which moves with it).
    private static func checkpoint(_ path: String) {
        guard let queue = try? DatabaseQueue(path: path) else { return }
        try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try? queue.close()
    }

    private static func move(_ from: String, to: String) throws {
        if rename(from, to) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// fsync of a file or a folder.
    private static func flush(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    private static func removeTemporary(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
