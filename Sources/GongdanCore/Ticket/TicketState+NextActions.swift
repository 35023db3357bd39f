extension TicketState {
    /// What can be done to the ticket next, by whom: the hints shown by `ticket show` and in refusals.
    public func nextActions(for role: Role) -> [TicketAction] {
        let workstation: [TicketAction], unit: [TicketAction]
        switch status {
        case .pendingDispatch: (workstation, unit) = ([.dispatch, .escalate], [])
        case .pendingSign: (workstation, unit) = ([.dispatch, .escalate], [.sign, .return])
        case .handling: (workstation, unit) = ([.dispatch, .escalate],
                                                pendingExtension == nil ? [.contact, .reply, .extend, .return] : [.contact, .reply])
        case .pendingReview: (workstation, unit) = ([.review], [])
        case .pendingEvaluation: (workstation, unit) = ([.evaluate], [])
        case .pendingEscalation: (workstation, unit) = ([.escalate, .close], [])
        case .closed, .merged: (workstation, unit) = ([], [])
        }
        var actions = role == .workstation ? workstation : unit
        if role == .workstation, pendingExtension != nil { actions.insert(.decideExtension, at: 0) }
        return actions
    }

    /// The commands for `nextActions(for:)`.
    public func nextCommands(for role: Role) -> [String] {
        nextActions(for: role).map { $0.command(for: code) }
    }
}
