import Foundation
import GRDB
import GongdanCore

extension ReplicaStore {
    /// The district policy this replica computes derived values with (deadlines, limits).
    public func districtPolicy() throws -> DistrictPolicy {
        try db.read { db in try Self.districtPolicy(db) }
    }

    /// The district policy, read in the caller's transaction: the official calendar plus the years
    /// loaded into this replica, and the default handling limits.
    static func districtPolicy(_ db: Database) throws -> DistrictPolicy {
        let texts = try String.fetchAll(db, sql: "SELECT schedule FROM calendar_years ORDER BY year")
        let decoder = GongdanJSON.decoder()
        let loaded = try texts.map { try decoder.decode(HolidaySchedule.self, from: Data($0.utf8)) }
        return DistrictPolicy(calendar: WorkingDayCalendar.official.adding(loaded))
    }
}
