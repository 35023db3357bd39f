import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension ReplicaStore {
    /// The district policy this replica computes derived values with (deadlines, limits).
    public func districtPolicy() throws -> DistrictPolicy {
        try db.read { db in try Self.districtPolicy(db) }
    }

    /// The district policy, read in the caller's transaction: the built-in schedules, then the years
    /// loaded here for years the hub has not loaded, then the hub's years (the hub wins a year both
    /// have); the handling limits are the hub's versions (the defaults before the first sync).
    static func districtPolicy(_ db: Database) throws -> DistrictPolicy {
        let hub = try hubPolicy(db)
        let hubYears = Set(hub.years.map(\.year))
        let local = try localSchedules(db).filter { !hubYears.contains($0.year) }
        return DistrictPolicy(calendar: WorkingDayCalendar.official.adding(local).adding(hub.years), versions: hub.versions)
    }

    /// The hub's policy as this replica last received it (``SyncedPolicy/empty`` before the first sync
    /// with a 1.4 hub).
    public func hubPolicy() throws -> SyncedPolicy {
        try db.read { db in try Self.hubPolicy(db) }
    }

    static func hubPolicy(_ db: Database) throws -> SyncedPolicy {
        try PolicyTables.replicasCopyOfHub.read(db)
    }

    /// The digest of the hub's policy held here, sent with `GET /sync/state?policy=`; nil before the
    /// first sync with a 1.4 hub.
    public func hubPolicyDigest() throws -> String? {
        try db.read { db in try String.fetchOne(db, sql: "SELECT policy_digest FROM sync_state WHERE id = 1") }
    }

    static func localSchedules(_ db: Database) throws -> [HolidaySchedule] {
        let decoder = GongdanJSON.decoder()
        return try String.fetchAll(db, sql: "SELECT schedule FROM calendar_years ORDER BY year").map {
            try decoder.decode(HolidaySchedule.self, from: Data($0.utf8))
        }
    }

    /// What taking the hub's policy did.
    public struct PolicyAdoption: Sendable, Hashable {
        /// Whether the policy this replica computes with changed.
        public var changed: Bool
        /// Tickets whose projection was folded again with the new policy.
        public var refolded: Int
        /// Years loaded here that the hub loaded differently (the hub's are used).
        public var disagreements: [CalendarDisagreement]
    }

    /// Stores the hub's policy as the hub held it at `asOf` (replacing the copy held before) and its
    /// digest; when the policy this replica computes with changes, folds again the projections of the
    /// tickets it may change, in one transaction. A policy older than the one held (a reply bundle imported after a
    /// newer sync) changes nothing.
    public func adoptHubPolicy(_ policy: SyncedPolicy, digest: String, asOf: Date) throws -> PolicyAdoption {
        let encoder = GongdanJSON.encoder()
        let years = try policy.years.map { ($0.year, String(decoding: try encoder.encode($0), as: UTF8.self)) }
        return try writeUnlessFull { db in
            if let held = try Int64.fetchOne(db, sql: "SELECT policy_as_of FROM sync_state WHERE id = 1"), held > asOf.millis {
                return PolicyAdoption(changed: false, refolded: 0, disagreements: try Self.calendarDisagreements(db))
            }
            let before = try Self.districtPolicy(db)
            try db.execute(sql: "DELETE FROM hub_calendar_years")
            try db.execute(sql: "DELETE FROM hub_policy_versions")
            for (year, json) in years {
                try db.execute(sql: "INSERT INTO hub_calendar_years (year, schedule) VALUES (?, ?)", arguments: [year, json])
            }
            for version in policy.versions {
                let limits = version.handling
                try db.execute(sql: """
                    INSERT OR REPLACE INTO hub_policy_versions (effective_from, signing_days, intake_days, max_extension_days)
                    VALUES (?, ?, ?, ?)
                    """, arguments: [version.effectiveFrom.millis, limits.signingWorkingDays, limits.intakeWorkingDays,
                                     limits.maxExtensionDays])
            }
            try db.execute(sql: "UPDATE sync_state SET policy_digest = ?, policy_as_of = ? WHERE id = 1",
                           arguments: [digest, asOf.millis])
            let after = try Self.districtPolicy(db)
            let changed = !Self.same(before, after)
            let refolded = changed ? try Self.rewriteProjections(db, changedFrom: before) : 0
            return PolicyAdoption(changed: changed, refolded: refolded, disagreements: try Self.calendarDisagreements(db))
        }
    }

    /// Years loaded here that the hub loaded with other days: the hub's schedule is the one used.
    public func calendarDisagreements() throws -> [CalendarDisagreement] {
        try db.read { db in try Self.calendarDisagreements(db) }
    }

    static func calendarDisagreements(_ db: Database) throws -> [CalendarDisagreement] {
        let hub = Dictionary(try hubPolicy(db).years.map { ($0.year, $0) }) { first, _ in first }
        return try localSchedules(db).compactMap { local in
            hub[local.year].flatMap { CalendarDisagreement(local: local, hub: $0) }
        }
    }

    /// Whether two policies compute the same values: the same schedules and the same versions.
    static func same(_ a: DistrictPolicy, _ b: DistrictPolicy) -> Bool {
        a.versions == b.versions && a.calendar.schedules.sorted { $0.year < $1.year } == b.calendar.schedules.sorted { $0.year < $1.year }
    }

    /// Folds again, with the current policy, the projections of the tickets a change from `before`
    /// may change, in the caller's transaction: those with a derived date (intake limit, signing
    /// limit, deadline) from 1 December of the year before the first year whose schedule changed (a
    /// date computed before walked no day the change touches), and those with an event stamped from
    /// the first instant at which the handling limits differ. Returns how many were folded.
    @discardableResult
    static func rewriteProjections(_ db: Database, changedFrom before: DistrictPolicy) throws -> Int {
        let policy = try districtPolicy(db)
        var codes = Set<String>()
        let years = Set(before.calendar.years + policy.calendar.years)
        if let first = years.filter({ before.calendar.schedule(for: $0) != policy.calendar.schedule(for: $0) }).min() {
            let reach = CivilDate(year: first - 1, month: 12, day: 1)?.startInChinaStandardTime ?? .distantPast
            codes.formUnion(try String.fetchAll(db, sql: """
                SELECT code FROM tickets WHERE deadline >= :t OR sign_by >= :t OR intake_deadline >= :t
                """, arguments: ["t": reach.millis]))
        }
        let instants = Set((before.versions + policy.versions).map(\.effectiveFrom)).sorted()
        if let first = instants.first(where: { before.handling(at: $0) != policy.handling(at: $0) }) {
            codes.formUnion(try String.fetchAll(db, sql: "SELECT DISTINCT ticket FROM events WHERE hlc >= ?",
                                                arguments: [HybridTimestamp(millis: first.millis).packed]))
        }
        var folded = 0
        for code in codes.sorted() {
            guard let state = TicketFold.fold(try events(db, ticket: code), policy: policy) else { continue }
            try recordFold(db, state)
            folded += 1
        }
        return folded
    }
}
