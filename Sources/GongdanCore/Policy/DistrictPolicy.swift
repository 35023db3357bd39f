import Foundation

/// Everything a derived value depends on: the working-day calendar and the handling limits, as the
/// district has set them over time. Deadlines, signing limits and intake limits are computed from
/// this (by the decider and by the fold), never taken from an event's author; so every replica that
/// holds the same policy computes the same values (see `docs/rules.md`).
///
/// The hub is the source of the district's policy; a node uses the hub's copy once it has it.
public struct DistrictPolicy: Sendable {
    /// One setting of the handling limits and the time from which it applies.
    public struct Version: Hashable, Sendable, Codable {
        /// The limits apply to events stamped at or after this instant.
        public var effectiveFrom: Date
        public var handling: HandlingPolicy

        public init(effectiveFrom: Date, handling: HandlingPolicy) {
            self.effectiveFrom = effectiveFrom
            self.handling = handling
        }
    }

    /// The working-day calendar: the official schedules plus the years the district loaded.
    ///
    /// A year's schedule applies to every deadline that falls in that year, whenever it was loaded:
    /// the State Council's schedule is what the working days of that year are, and the Monday–Friday
    /// fallback was only a stand-in until it was known (`docs/rules.md`, "Derived values").
    public var calendar: WorkingDayCalendar
    /// The handling limits over time, oldest first; before the first, ``HandlingPolicy/default``.
    public var versions: [Version]

    public init(calendar: WorkingDayCalendar = .official, versions: [Version] = []) {
        self.calendar = calendar
        self.versions = versions.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }

    /// The built-in calendar and the default limits: what a replica uses before it has the hub's policy.
    public static let official = DistrictPolicy()

    /// The limits in force at `instant`.
    public func handling(at instant: Date) -> HandlingPolicy {
        versions.last { $0.effectiveFrom <= instant }?.handling ?? .default
    }
}
