import Foundation
import GRDB
import GongdanCore
import GongdanSync

/// The district policy as both stores keep it: one table of holiday schedules (JSON, by year) and one
/// of handling-limit versions (by the instant each takes effect). The hub keeps what it set
/// (`policy_calendar_years`, `policy_versions`); a replica keeps what the hub sent it
/// (`hub_calendar_years`, `hub_policy_versions`).
struct PolicyTables {
    let years: String
    let versions: String

    static let hub = PolicyTables(years: "policy_calendar_years", versions: "policy_versions")
    static let replicasCopyOfHub = PolicyTables(years: "hub_calendar_years", versions: "hub_policy_versions")

    /// The policy these tables hold; ``SyncedPolicy/empty`` before the migration that made them
    /// (older migrations fold tickets too, with the defaults).
    func read(_ db: Database) throws -> SyncedPolicy {
        guard try db.tableExists(versions) else { return .empty }
        let decoder = GongdanJSON.decoder()
        let schedules = try String.fetchAll(db, sql: "SELECT schedule FROM \(years) ORDER BY year").map {
            try decoder.decode(HolidaySchedule.self, from: Data($0.utf8))
        }
        let limits = try Row.fetchAll(db, sql: """
            SELECT effective_from, signing_days, intake_days, max_extension_days FROM \(versions) ORDER BY effective_from
            """).map { row in
            DistrictPolicy.Version(effectiveFrom: Date(millis: row[0]),
                                   handling: HandlingPolicy(signingWorkingDays: row[1], intakeWorkingDays: row[2],
                                                            maxExtensionDays: row[3]))
        }
        return SyncedPolicy(years: schedules, versions: limits)
    }
}
