import GRDB
import GRDBSQLite
import GongdanSync

/// Inserts a batch of chained events into `events` with SQLite's C API: the stored body is bound
/// straight from the canonical bytes, with no string made of them, since a push of a thousand
/// events spends most of its time in the writer here.
struct EventRowInsert {
    private let connection: OpaquePointer?
    private let statement: OpaquePointer?

    /// Prepares the insert on the connection of `db` (inside the caller's transaction).
    init(_ db: Database) throws {
        connection = db.sqliteConnection
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, """
            INSERT INTO events (origin, seq, ticket, type, hlc, body, hash) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, -1, &prepared, nil)
        guard code == SQLITE_OK else { throw Self.error(code, connection) }
        statement = prepared
    }

    /// Inserts one event; returns its rowid (the hub's commit sequence).
    func insert(_ chained: ChainedEvent) throws -> Int64 {
        let event = chained.event
        sqlite3_reset(statement)
        sqlite3_bind_text(statement, 1, event.id.origin, -1, Self.transient)
        sqlite3_bind_int64(statement, 2, event.id.seq)
        sqlite3_bind_text(statement, 3, event.ticket, -1, Self.transient)
        sqlite3_bind_text(statement, 4, event.payload.type, -1, Self.transient)
        sqlite3_bind_int64(statement, 5, event.hlc.packed)
        chained.body.withUnsafeBufferPointer { body in
            _ = sqlite3_bind_text(statement, 6, body.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                  Int32(body.count), Self.transient)
        }
        sqlite3_bind_text(statement, 7, chained.hash, -1, Self.transient)
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else { throw Self.error(code, connection) }
        return sqlite3_last_insert_rowid(connection)
    }

    /// Releases the statement.
    func finish() {
        sqlite3_finalize(statement)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func error(_ code: Int32, _ connection: OpaquePointer?) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                      sql: "INSERT INTO events …")
    }
}
