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
        try PolicyTables.hub.read(db)
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
    /// before, and the tickets whose derived dates may fall in those years are folded again with the
    /// new calendar (deadlines in that year change at once, here and — at their next sync — on every
    /// node), in one transaction. Returns how many tickets were folded again.
    @discardableResult
    public func loadCalendar(_ schedules: [HolidaySchedule], by person: String, now: Date) throws -> Int {
        let encoder = GongdanJSON.encoder()
        let rows = try schedules.map { ($0.year, String(decoding: try encoder.encode($0), as: UTF8.self)) }
        guard let first = schedules.map(\.year).min() else { return 0 }
        // A schedule may list days of December of the year before (HolidaySchedule.validate).
        let reach = CivilDate(year: first - 1, month: 12, day: 1)?.startInChinaStandardTime ?? .distantPast
        return try db.write { db in
            for (year, json) in rows {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO policy_calendar_years (year, schedule, loaded_at, loaded_by) VALUES (?, ?, ?, ?)
                    """, arguments: [year, json, now.millis, person])
            }
            return try Self.rewriteProjections(db, .datesFrom(reach))
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
            try Self.rewriteProjections(db, .eventsFrom(from))
            return DistrictPolicy.Version(effectiveFrom: from, handling: handling)
        }
    }

    /// The handling limits in force now (the defaults until the hub sets any).
    public func handlingPolicy(at instant: Date) throws -> HandlingPolicy {
        try districtPolicy().handling(at: instant)
    }

    // MARK: - Folding again

    /// Which tickets a change of the policy may change.
    enum Refold {
        /// Tickets with an event stamped at or after the instant (a new limits version).
        case eventsFrom(Date)
        /// Tickets with a derived date (signing limit, deadline, intake limit, a round's) at or after
        /// the instant (a calendar change from then on): a date computed before it walked no day
        /// the change touches, so it stays.
        case datesFrom(Date)
    }

    /// Folds again, with the current policy, the projections of the tickets `which` names, as far as
    /// the projection has folded (``projectPending(limit:now:)`` folds the rest), in the caller's
    /// transaction. Facts and daily sums follow. Returns how many tickets were folded.
    @discardableResult
    static func rewriteProjections(_ db: Database, _ which: Refold) throws -> Int {
        let policy = try districtPolicy(db)
        let through = try Int64.fetchOne(db, sql: "SELECT projected_through FROM hub WHERE id = 1") ?? 0
        let codes: [String]
        switch which {
        case .eventsFrom(let instant):
            codes = try String.fetchAll(db, sql: "SELECT DISTINCT ticket FROM events WHERE hlc >= ? AND local_id <= ? ORDER BY ticket",
                                        arguments: [HybridTimestamp(millis: instant.millis).packed, through])
        case .datesFrom(let instant):
            codes = try String.fetchAll(db, sql: """
                SELECT code FROM tickets WHERE deadline >= :t OR sign_by >= :t OR intake_deadline >= :t
                UNION
                SELECT f.code FROM handling_rounds r JOIN ticket_facts f ON f.id = r.ticket_id WHERE r.deadline >= :t OR r.sign_by >= :t
                ORDER BY 1
                """, arguments: ["t": instant.millis])
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
