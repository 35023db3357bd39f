import GongdanCore

/// Where the demo's month is: reported after every simulated day.
public struct DemoProgress: Hashable, Sendable {
    /// Days played, 1…``days``.
    public var day: Int
    public var days: Int
    public var date: CivilDate
    public var workingDay: Bool
    /// Tickets the hub holds so far.
    public var tickets: Int
    /// Nodes offline that day.
    public var offline: [String]
}
