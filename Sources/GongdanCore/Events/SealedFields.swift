import Foundation

// Sealed contact details (protocol 1.5, `docs/privacy.md`): an event's signed body holds a commitment
// to a sealed field instead of its value; a replica allowed to read the value holds it beside the
// event and fills it in before folding (`opened(with:)`). Encoding always writes the sealed form.

extension BusinessEntity {
    /// The entity's value of a contact or identity field (nil for the other fields, and for an empty name).
    public func value(of field: CorrectableField) -> String? {
        switch field {
        case .entityName: name.isEmpty ? nil : name
        case .creditCode: creditCode
        case .contact: contact
        case .phone: phone
        case .summary, .detail, .category: nil
        }
    }

    mutating func set(_ field: CorrectableField, to value: String?) {
        switch field {
        case .entityName: name = value ?? ""
        case .creditCode: creditCode = value
        case .contact: contact = value
        case .phone: phone = value
        case .summary, .detail, .category: break
        }
    }
}

extension TicketEvent {
    /// The fields this event seals (unknown names, refused by the hub, are left out).
    public var sealedFields: Set<CorrectableField> {
        Set((sealed ?? [:]).keys.compactMap(CorrectableField.init(rawValue:)))
    }

    /// The value this copy of the event holds for a field it could seal: an intake's entity field, or
    /// a correction's value.
    public func value(of field: CorrectableField) -> String? {
        switch payload {
        case .created(let intake): intake.entity.value(of: field)
        case .corrected(let corrected, let value): corrected == field ? value : nil
        default: nil
        }
    }

    /// The sealed fields whose values this copy does not hold (this replica may not read them).
    public var withheldFields: Set<CorrectableField> { sealedFields.filter { value(of: $0) == nil } }

    /// The event as it is hashed, signed and sent: its sealed fields' values removed (a sealed entity
    /// name is written empty).
    public func sealedForm() -> TicketEvent { setting(sealedFields) { _ in nil } }

    /// The event with its sealed fields' values filled in from openings the store verified.
    public func opened(with values: [CorrectableField: String]) -> TicketEvent {
        setting(sealedFields.filter { values[$0] != nil }) { values[$0] }
    }

    private func setting(_ fields: Set<CorrectableField>, to value: (CorrectableField) -> String?) -> TicketEvent {
        guard !fields.isEmpty else { return self }
        var event = self
        switch payload {
        case .created(var intake):
            for field in fields { intake.entity.set(field, to: value(field)) }
            event.payload = .created(intake)
        case .corrected(let corrected, _) where fields.contains(corrected):
            event.payload = .corrected(field: corrected, value: value(corrected))
        default:
            break
        }
        return event
    }
}
