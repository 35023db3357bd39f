import Foundation
import GRDB
import GongdanCore

extension HubStore {
    /// The district policy the hub computes derived values with and judges events by.
    public func districtPolicy() throws -> DistrictPolicy {
        try db.read { db in try Self.districtPolicy(db) }
    }

    /// The district policy, read in the caller's transaction.
    static func districtPolicy(_ db: Database) throws -> DistrictPolicy {
        .official
    }
}
