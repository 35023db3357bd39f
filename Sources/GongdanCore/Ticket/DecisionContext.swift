import Foundation

/// Everything besides the ticket that a decision depends on: who acts, when, the calendar,
/// the limits, and the unit directory.
public struct DecisionContext: Sendable {
    public var actor: Actor
    public var now: Date
    public var calendar: WorkingDayCalendar
    public var policy: HandlingPolicy
    /// The district's unit directory by code.
    public var units: [String: HandlingUnit]

    public init(actor: Actor, now: Date, calendar: WorkingDayCalendar = .official,
                policy: HandlingPolicy = .default, units: [String: HandlingUnit] = [:]) {
        self.actor = actor
        self.now = now
        self.calendar = calendar
        self.policy = policy
        self.units = units
    }

    /// A context whose calendar and limits are the district policy's, as in force at `now`.
    public init(actor: Actor, now: Date, district: DistrictPolicy, units: [String: HandlingUnit] = [:]) {
        self.init(actor: actor, now: now, calendar: district.calendar, policy: district.handling(at: now), units: units)
    }

    /// The calendar and the limits as a district policy (the limits in force throughout).
    public var district: DistrictPolicy {
        DistrictPolicy(calendar: calendar, versions: [.init(effectiveFrom: .distantPast, handling: policy)])
    }
}
