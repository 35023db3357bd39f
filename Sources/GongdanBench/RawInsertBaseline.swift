import Foundation
import GRDBSQLite

/// The baseline: the same event rows inserted with SQLite's C API, prepared statement and
/// batched transactions, into a table shaped like the replica's event log. Nothing else.
enum RawInsertBaseline {
    typealias Row = (origin: String, seq: Int64, ticket: String, type: String, hlc: Int64, body: String)

    /// Inserts `rows` in transactions of `batch` rows; returns the seconds taken.
    static func run(rows: [Row], batch: Int, path: String) throws -> Double {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw BenchError("cannot open \(path)") }
        defer { sqlite3_close(db) }
        func exec(_ sql: String) throws {
            guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
                throw BenchError("sqlite: \(String(cString: sqlite3_errmsg(db)))")
            }
        }
        try exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
        try exec("""
            CREATE TABLE events (local_id INTEGER PRIMARY KEY, origin TEXT NOT NULL, seq INTEGER NOT NULL,
                ticket TEXT NOT NULL, type TEXT NOT NULL, hlc INTEGER NOT NULL, body TEXT NOT NULL, UNIQUE (origin, seq));
            CREATE INDEX events_by_ticket ON events (ticket, hlc);
            """)
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, "INSERT INTO events (origin, seq, ticket, type, hlc, body) VALUES (?, ?, ?, ?, ?, ?)",
                                 -1, &statement, nil) == SQLITE_OK else { throw BenchError("prepare failed") }
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        let start = Date()
        for chunk in stride(from: 0, to: rows.count, by: batch) {
            try exec("BEGIN")
            for row in rows[chunk..<min(chunk + batch, rows.count)] {
                sqlite3_bind_text(statement, 1, row.origin, -1, transient)
                sqlite3_bind_int64(statement, 2, row.seq)
                sqlite3_bind_text(statement, 3, row.ticket, -1, transient)
                sqlite3_bind_text(statement, 4, row.type, -1, transient)
                sqlite3_bind_int64(statement, 5, row.hlc)
                sqlite3_bind_text(statement, 6, row.body, -1, transient)
                guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchError("insert failed") }
                sqlite3_reset(statement)
            }
            try exec("COMMIT")
        }
        return Date().timeIntervalSince(start)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
