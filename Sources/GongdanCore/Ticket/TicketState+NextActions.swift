extension TicketState {
    /// What can be done to the ticket next, by whom: the hints shown by `ticket show` and in refusals,
    /// read from ``TicketRules``.
    public func nextActions(for role: Role) -> [TicketAction] {
        TicketRules.actions(for: role, on: self)
    }

    /// The commands for `nextActions(for:)`.
    public func nextCommands(for role: Role) -> [String] {
        nextActions(for: role).map { $0.command(for: code) }
    }
}
