import Foundation

/// Who may read a ticket's contact details, and which fields travel sealed (`docs/privacy.md`).
///
/// How to reach the entity (contact person, phone) is sealed on every ticket and read only by the
/// workstation, the hub and the units currently handling the ticket (its lead and co-units). On a
/// report (举报) the reporter's identity (name, credit code) is sealed too, and a unit reads identity
/// and contact only once the workstation has released them to it as the lead (`contactReleased`).
public enum ContactPrivacy {
    /// How to reach the entity: sealed on every ticket.
    public static let contactFields: Set<CorrectableField> = [.contact, .phone]
    /// Who the reporter is: sealed on a report as well.
    public static let identityFields: Set<CorrectableField> = [.entityName, .creditCode]

    /// The fields a ticket of `category` seals.
    public static func sealable(on category: TicketCategory) -> Set<CorrectableField> {
        category == .report ? contactFields.union(identityFields) : contactFields
    }

    /// The fields of `event` that must travel sealed (those with a value), on a ticket of `category`
    /// as its author saw it (a created event's own category).
    public static func fieldsToSeal(in event: TicketEvent, category: TicketCategory?) -> Set<CorrectableField> {
        switch event.payload {
        case .created(let intake):
            return sealable(on: intake.category).filter { event.value(of: $0) != nil }
        case .corrected(let field, let value):
            guard value != nil, let category else { return [] }
            return sealable(on: category).contains(field) ? [field] : []
        default:
            return []
        }
    }

    /// Whether a node of `role` (a unit node: `unit`) may read the ticket's sealed fields as it stands.
    public static func mayRead(role: Role, unit: String?, state: TicketState) -> Bool {
        guard role.isUnit else { return true }
        guard let unit else { return false }
        return unitReaders(of: state).contains(unit)
    }

    /// The units that may read the ticket's sealed fields as it stands: its lead and co-units; on a
    /// report, the lead once the reporter was released to it.
    public static func unitReaders(of state: TicketState) -> [String] {
        guard let lead = state.lead else { return [] }
        if state.category == .report { return state.contactReleasedTo.contains(lead) ? [lead] : [] }
        return [lead] + state.coUnits
    }
}
