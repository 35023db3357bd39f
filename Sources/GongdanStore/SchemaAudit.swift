import Foundation
import GRDB

/// Compares a database's schema with the one its own migrations make: a backup that brings a table,
/// view, index or trigger Gongdan never created (a hidden trigger that re-creates a viewer, say), or
/// lacks one it should have, is not a database Gongdan wrote, and is refused before it is restored.
enum SchemaAudit {
    /// The schema objects (`type name: sql`) a database of `migrator`'s kind has at `migration`.
    static func expected(by migrator: DatabaseMigrator, at migration: String) throws -> Set<String> {
        let fresh = try DatabaseQueue()
        try migrator.migrate(fresh, upTo: migration)
        return try fresh.read(objects)
    }

    /// The database's schema objects, SQLite's own left out.
    static func objects(_ db: Database) throws -> Set<String> {
        Set(try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
            """).map { row in "\(row["type"] as String) \(row["name"] as String): \(row["sql"] as String? ?? "")" })
    }

    /// What differs from the expected schema, one line each (empty when it matches); a migration this
    /// gongdan does not know is a difference too (the file is newer than this gongdan).
    static func differences(_ db: Database, migrator: DatabaseMigrator, at migration: String) throws -> [String] {
        guard migrator.migrations.contains(migration) else {
            return ["its last migration \"\(migration)\" is not one this gongdan knows (\(migrator.migrations.last ?? "none") is its newest)"]
        }
        let want = try expected(by: migrator, at: migration)
        let have = try objects(db)
        return have.subtracting(want).sorted().map { "unexpected \(name(of: $0))" }
            + want.subtracting(have).sorted().map { "missing \(name(of: $0))" }
    }

    private static func name(of object: String) -> String {
        String(object.prefix { $0 != ":" })
    }
}
