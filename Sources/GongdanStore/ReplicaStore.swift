import Foundation
import GRDB
import GongdanCore

/// The node's replica: one SQLite file holding the event log, the per-ticket projections, the
/// node's identity and counters, the unit directory and loaded calendars.
///
/// Every write is one transaction: an event and the projection it changes are stored together or
/// not at all, so a killed process never leaves one without the other. WAL, `synchronous=FULL`.
public final class ReplicaStore: Sendable {
    /// The file path (or `:memory:`).
    public let path: String
    let db: DatabaseQueue

    /// Opens (creating if needed) and migrates the replica at `path`.
    public init(path: String) throws {
        self.path = path
        db = try DurableDatabase.open(path: path, migrator: Self.migrator())
    }

    /// A throw-away replica in memory, for tests.
    public init() throws {
        path = ":memory:"
        db = try DatabaseQueue()
        try DurableDatabase.migrate(db, with: Self.migrator(), path: path)
    }

    // MARK: - Identity

    /// The node this replica belongs to, or nil before `gongdan init`.
    public func identity() throws -> NodeIdentity? {
        try db.read { db in try Self.identity(db) }
    }

    /// The node this replica belongs to; throws `notInitialized` before `gongdan init`.
    public func requireIdentity() throws -> NodeIdentity {
        guard let identity = try identity() else { throw StoreError.notInitialized(path: path) }
        return identity
    }

    /// Gives the replica its identity, once.
    public func initialize(_ identity: NodeIdentity, at now: Date) throws {
        try db.write { db in
            if let existing = try Self.identity(db) {
                throw StoreError.alreadyInitialized(path: path, node: existing.code)
            }
            try db.execute(
                sql: "INSERT INTO node (id, code, name, role, created_at, last_seq, hlc) VALUES (1, ?, ?, ?, ?, 0, 0)",
                arguments: [identity.code, identity.name, identity.role.rawValue, now.millis])
            _ = try Self.signingKey(db)
        }
    }

    static func identity(_ db: Database) throws -> NodeIdentity? {
        guard let row = try Row.fetchOne(db, sql: "SELECT code, name, role FROM node WHERE id = 1") else { return nil }
        let roleName: String = row["role"]
        guard let role = Role(rawValue: roleName) else {
            throw StoreError.corruptEvent(origin: row["code"], seq: 0, reason: "unknown role \(roleName)")
        }
        return NodeIdentity(code: row["code"], name: row["name"], role: role)
    }

    // MARK: - Unit directory

    /// Adds a unit to the directory or updates its name and kind.
    public func upsertUnit(_ unit: HandlingUnit, at now: Date) throws {
        try db.write { db in
            try db.execute(sql: """
                INSERT INTO units (code, name, kind, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind, updated_at = excluded.updated_at
                """, arguments: [unit.code, unit.name, unit.kind.rawValue, now.millis])
        }
    }

    /// The directory, by code.
    public func units() throws -> [HandlingUnit] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT code, name, kind FROM units ORDER BY kind DESC, code").compactMap { row in
                UnitKind(rawValue: row["kind"]).map { HandlingUnit(code: row["code"], name: row["name"], kind: $0) }
            }
        }
    }

    // MARK: - Calendars

    /// Stores holiday schedules loaded here (a loaded year replaces an earlier one) and folds the
    /// projections again with them. A year the hub loaded keeps the hub's schedule (`docs/policy.md`):
    /// the answer lists the loaded years that disagree with the hub's.
    @discardableResult
    public func saveSchedules(_ schedules: [HolidaySchedule]) throws -> [CalendarDisagreement] {
        let encoder = GongdanJSON.encoder()
        let rows = try schedules.map { ($0.year, String(decoding: try encoder.encode($0), as: UTF8.self)) }
        return try writeUnlessFull { db in
            let before = try Self.districtPolicy(db)
            for (year, json) in rows {
                try db.execute(sql: "INSERT OR REPLACE INTO calendar_years (year, schedule) VALUES (?, ?)",
                               arguments: [year, json])
            }
            try Self.rewriteProjections(db, changedFrom: before)
            return try Self.calendarDisagreements(db)
        }
    }

    /// The schedules loaded into this replica.
    public func loadedSchedules() throws -> [HolidaySchedule] {
        let texts = try db.read { db in try String.fetchAll(db, sql: "SELECT schedule FROM calendar_years ORDER BY year") }
        let decoder = GongdanJSON.decoder()
        return try texts.map { try decoder.decode(HolidaySchedule.self, from: Data($0.utf8)) }
    }

    /// The calendar this replica computes with: the built-in years, the years loaded here and the
    /// hub's years (the hub's win).
    public func calendar() throws -> WorkingDayCalendar {
        try districtPolicy().calendar
    }
}

extension Date {
    /// Milliseconds since 1970, the store's time format.
    var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}
