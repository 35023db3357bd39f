import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// The district policy the hub computes derived values with and judges events by.
    public func districtPolicy() throws -> DistrictPolicy {
        try db.read { db in try Self.districtPolicy(db) }
    }

    /// The district policy, read in the caller's transaction: the built-in schedules plus the years
    /// loaded at the hub, and the handling-limit versions set at the hub.
    static func districtPolicy(_ db: Database) throws -> DistrictPolicy {
        try syncedPolicy(db).policy
    }

    /// The policy as the hub sends it to nodes (`GET /sync/state`, reply bundles), with its digest.
    public func syncedPolicy() throws -> SyncedPolicy {
        try db.read { db in try Self.syncedPolicy(db) }
    }

    static func syncedPolicy(_ db: Database) throws -> SyncedPolicy {
        // The migrations before "hub v10" fold tickets too (v5's facts): with the defaults.
        guard try db.tableExists("policy_versions") else { return .empty }
        let decoder = GongdanJSON.decoder()
        let years = try String.fetchAll(db, sql: "SELECT schedule FROM policy_calendar_years ORDER BY year").map {
            try decoder.decode(HolidaySchedule.self, from: Data($0.utf8))
        }
        let versions = try Row.fetchAll(db, sql: """
            SELECT effective_from, signing_days, intake_days, max_extension_days FROM policy_versions ORDER BY effective_from
            """).map { row in
            DistrictPolicy.Version(effectiveFrom: Date(millis: row[0]),
                                   handling: HandlingPolicy(signingWorkingDays: row[1], intakeWorkingDays: row[2],
                                                            maxExtensionDays: row[3]))
        }
        return SyncedPolicy(years: years, versions: versions)
    }

    // MARK: - Calendar

    /// One holiday schedule loaded at the hub (`gongdan hub calendar list`).
    public struct LoadedYear: Sendable, Hashable, Codable {
        public var year: Int
        public var source: String
        public var holidays: Int
        public var workdays: Int
        public var loadedAt: Date
        public var loadedBy: String
    }

    /// Loads holiday schedules for the whole district: each replaces a built-in year or one loaded
    /// before, every ticket's projection is folded again with the new calendar (deadlines in that
    /// year change at once, here and — at their next sync — on every node), in one transaction.
    /// Returns how many tickets were folded again.
    @discardableResult
    public func loadCalendar(_ schedules: [HolidaySchedule], by person: String, now: Date) throws -> Int {
        let encoder = GongdanJSON.encoder()
        let rows = try schedules.map { ($0.year, String(decoding: try encoder.encode($0), as: UTF8.self)) }
        return try db.write { db in
            for (year, json) in rows {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO policy_calendar_years (year, schedule, loaded_at, loaded_by) VALUES (?, ?, ?, ?)
                    """, arguments: [year, json, now.millis, person])
            }
            return try Self.rewriteProjections(db, changedFrom: nil)
        }
    }

    /// The years loaded at the hub, ascending.
    public func loadedYears() throws -> [LoadedYear] {
        try db.read { db in
            let decoder = GongdanJSON.decoder()
            return try Row.fetchAll(db, sql: "SELECT schedule, loaded_at, loaded_by FROM policy_calendar_years ORDER BY year").map { row in
                let schedule = try decoder.decode(HolidaySchedule.self, from: Data((row[0] as String).utf8))
                return LoadedYear(year: schedule.year, source: schedule.source, holidays: schedule.holidays.count,
                                  workdays: schedule.workdays.count, loadedAt: Date(millis: row[1]), loadedBy: row[2])
            }
        }
    }

    // MARK: - Handling limits

    /// Sets new handling limits, in force from `now` (at the whole second): events stamped before
    /// keep the limits they were made under. Refuses limits outside their ranges (``PolicyError``).
    /// Tickets with events stamped at or after `now` are folded again. Returns the version stored.
    @discardableResult
    public func setHandlingPolicy(_ handling: HandlingPolicy, by person: String, now: Date) throws -> DistrictPolicy.Version {
        try handling.validate()
        let from = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        return try db.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO policy_versions (effective_from, signing_days, intake_days, max_extension_days, set_by)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [from.millis, handling.signingWorkingDays, handling.intakeWorkingDays, handling.maxExtensionDays, person])
            try Self.rewriteProjections(db, changedFrom: from)
            return DistrictPolicy.Version(effectiveFrom: from, handling: handling)
        }
    }

    /// The handling limits in force now (the defaults until the hub sets any).
    public func handlingPolicy(at instant: Date) throws -> HandlingPolicy {
        try districtPolicy().handling(at: instant)
    }

    // MARK: - Folding again

    /// Folds again, with the current policy, the projection of every ticket (`changedFrom` nil) or
    /// of the tickets with an event stamped at or after `changedFrom`, as far as the projection
    /// has folded (``projectPending(limit:now:)`` folds the rest). Facts and daily sums follow.
    @discardableResult
    static func rewriteProjections(_ db: Database, changedFrom: Date?) throws -> Int {
        let policy = try districtPolicy(db)
        let through = try Int64.fetchOne(db, sql: "SELECT projected_through FROM hub WHERE id = 1") ?? 0
        let codes: [String]
        if let changedFrom {
            codes = try String.fetchAll(db, sql: "SELECT DISTINCT ticket FROM events WHERE hlc >= ? AND local_id <= ?",
                                        arguments: [HybridTimestamp(millis: changedFrom.millis).packed, through])
        } else {
            codes = try String.fetchAll(db, sql: "SELECT code FROM tickets ORDER BY code")
        }
        var folded = 0
        for code in codes {
            guard let state = TicketFold.fold(try ReplicaStore.events(db, ticket: code, storedUpTo: through), policy: policy)
            else { continue }
            try ReplicaStore.writeProjection(db, state)
            try writeFacts(db, state)
            folded += 1
        }
        return folded
    }
}
