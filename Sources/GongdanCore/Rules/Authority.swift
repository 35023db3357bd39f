/// Who may originate an event, relative to the ticket as its author saw it (see ``TicketRules``).
public enum Authority: String, Sendable, CaseIterable {
    /// A workstation node, or the hub recording a decision with the workstation's authority
    /// (a 12345 intake, a conflict override).
    case workstation
    /// A township or department taking in a walk-in or online report of its own.
    case intakeUnit
    /// The unit the ticket is assigned to as lead (牵头承办单位).
    case lead
    /// A co-unit of the current assignment (协办单位).
    case coUnit
    /// The unit that created the ticket.
    case creator
    /// The business entity itself, through the hub's public progress page (recorded by the hub's origin).
    case entity

    /// The node code of the hub's own origin: the only origin that records what the entity does on
    /// the public page.
    public static let hubOrigin = "HUB"

    /// The authorities `actor` holds over a ticket in `state` (nil: a ticket not yet created), for an
    /// event of `payload`.
    public static func held(by actor: Actor, on state: TicketState?, for payload: TicketEventPayload) -> Set<Authority> {
        if actor.role == .workstation {
            if actor.node == hubOrigin, case .evaluated(let evaluation) = payload, evaluation.channel == .publicPage {
                return [.entity]
            }
            return [.workstation]
        }
        guard let unit = actor.unit else { return [] }
        guard let state else { return [.intakeUnit] }
        var held: Set<Authority> = []
        if state.lead == unit { held.insert(.lead) }
        if state.coUnits.contains(unit) { held.insert(.coUnit) }
        if state.createdBy.unit == unit { held.insert(.creator) }
        return held
    }

    /// How the table's documentation names the authority.
    public var phrase: String {
        switch self {
        case .workstation: "the workstation"
        case .intakeUnit: "a township or department (its own walk-ins)"
        case .lead: "the lead unit"
        case .coUnit: "a co-unit"
        case .creator: "the unit that created the ticket"
        case .entity: "the entity, on the public page"
        }
    }
}
