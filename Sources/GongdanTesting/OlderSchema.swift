import Foundation
import GRDB

/// Databases as an older gongdan made them, for upgrade tests.
public enum OlderSchema {
    /// Makes a database at `path` migrated only up to `migration`, and copies into it every row of
    /// `source` in the tables and columns that exist at that version.
    public static func copy(of source: String, at path: String, migrator: DatabaseMigrator, upTo migration: String) throws {
        let queue = try DatabaseQueue(path: path)
        try migrator.migrate(queue, upTo: migration)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS src", arguments: [source])
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """)
            for table in tables {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM src.sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]) == true
                else { continue }
                let mine = try Row.fetchAll(db, sql: "PRAGMA main.table_info(\(table))").map { $0["name"] as String }
                let theirs = Set(try Row.fetchAll(db, sql: "PRAGMA src.table_info(\(table))").map { $0["name"] as String })
                let columns = mine.filter(theirs.contains).map { "\"\($0)\"" }.joined(separator: ", ")
                try db.execute(sql: "INSERT OR REPLACE INTO main.\(table) (\(columns)) SELECT \(columns) FROM src.\(table)")
            }
            try db.execute(sql: "DETACH DATABASE src")
        }
        try queue.close()
    }
}
