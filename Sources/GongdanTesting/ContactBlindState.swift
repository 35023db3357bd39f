import GongdanCore

extension TicketState {
    /// The state with the values of the fields its category seals cleared (``ContactPrivacy``): what
    /// replicas that may read different contact details — and the hub's fold of the bare events — agree on.
    public var contactBlind: TicketState {
        var state = self
        for field in ContactPrivacy.sealable(on: category) {
            switch field {
            case .entityName: state.intake.entity.name = ""
            case .creditCode: state.intake.entity.creditCode = nil
            case .contact: state.intake.entity.contact = nil
            case .phone: state.intake.entity.phone = nil
            case .summary, .detail, .category: break
            }
        }
        state.withheld = []
        return state
    }
}
