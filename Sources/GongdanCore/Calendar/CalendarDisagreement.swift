/// A year whose holiday schedule a node loaded itself, and the hub loaded with other days. The hub's
/// schedule is the one every replica uses; the disagreement is reported so that someone looks at
/// which file was wrong (`docs/policy.md`).
public struct CalendarDisagreement: Hashable, Sendable, Codable {
    public var year: Int
    /// The notice the node's own schedule cites.
    public var localSource: String
    /// The notice the hub's schedule cites (the one in use).
    public var hubSource: String
    /// The dates the two schedules count differently (a working day in one, a day off in the other), ascending.
    public var dates: [CivilDate]

    public init(year: Int, localSource: String, hubSource: String, dates: [CivilDate]) {
        self.year = year
        self.localSource = localSource
        self.hubSource = hubSource
        self.dates = dates
    }

    /// The disagreement between a node's and the hub's schedule of the same year; nil when they
    /// count every day alike (whatever notice they cite).
    public init?(local: HolidaySchedule, hub: HolidaySchedule) {
        guard local.year == hub.year else { return nil }
        let holidays = Set(local.holidays).symmetricDifference(hub.holidays)
        let workdays = Set(local.workdays).symmetricDifference(hub.workdays)
        let dates = holidays.union(workdays).sorted()
        guard !dates.isEmpty else { return nil }
        self.init(year: local.year, localSource: local.source, hubSource: hub.source, dates: dates)
    }
}
