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
}
