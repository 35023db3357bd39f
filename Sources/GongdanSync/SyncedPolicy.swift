import Foundation
import GongdanCore

/// The district policy as the hub sends it (1.4, `sync-protocol/README.md` §5.7): the holiday
/// schedules loaded at the hub and the handling-limit versions. With the built-in schedules it
/// makes the ``GongdanCore/DistrictPolicy`` every replica computes derived values with.
///
/// ```swift
/// let policy = SyncedPolicy(years: [schedule2027], versions: []).policy   // official + 2027
/// ```
public struct SyncedPolicy: Hashable, Sendable, Codable {
    /// The years the hub loaded, ascending; each replaces a built-in or a node's own schedule of that year.
    public var years: [HolidaySchedule]
    /// The handling limits over time, oldest first.
    public var versions: [DistrictPolicy.Version]

    public init(years: [HolidaySchedule] = [], versions: [DistrictPolicy.Version] = []) {
        self.years = years.sorted { $0.year < $1.year }
        self.versions = versions.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }

    /// The hub's policy before anything was set: no loaded year, the default limits.
    public static let empty = SyncedPolicy()

    /// Hex SHA-256 of the canonical JSON (sorted keys, ISO 8601 dates): equal on every replica
    /// that holds the same policy, so a node can say which policy it holds in a few bytes.
    public var digest: String {
        EventChain.hash(bytes: Array(canonicalJSON()))
    }

    /// The canonical bytes the digest covers.
    public func canonicalJSON() -> Data {
        // Schedules, versions, civil dates and whole-second instants always encode.
        (try? GongdanJSON.encoder().encode(self)) ?? Data()
    }

    /// The built-in calendar with the hub's years, and the hub's limits.
    public var policy: DistrictPolicy {
        DistrictPolicy(calendar: WorkingDayCalendar.official.adding(years), versions: versions)
    }
}
