import GongdanCore

/// A ticket, its history in fold order, and the unit names to show them with.
public struct TicketDetail: Sendable {
    public var state: TicketState
    public var events: [TicketEvent]
    /// Unit code → name.
    public var units: [String: String]
}
