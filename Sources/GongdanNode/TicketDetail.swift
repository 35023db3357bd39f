import GongdanCore

/// A ticket, its history in fold order, and the unit names to show them with.
public struct TicketDetail: Sendable {
    public var state: TicketState
    /// The history, legacy query codes left out (`TicketEvent.withoutLegacyQueryCode`).
    public var events: [TicketEvent]
    /// Unit code → name.
    public var units: [String: String]
    /// The entity's query code, derived on the workstation; nil on a township or department node.
    public var queryCode: String?

    public init(state: TicketState, events: [TicketEvent], units: [String: String], queryCode: String? = nil) {
        self.state = state
        self.events = events
        self.units = units
        self.queryCode = queryCode
    }
}
