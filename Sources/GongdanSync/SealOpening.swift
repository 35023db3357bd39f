import Foundation
import GongdanCore

/// The value of one sealed field of one event (protocol 1.5, `docs/privacy.md`): sent beside the
/// event, outside its signature, only to the replicas that may read it (``ContactPrivacy``). It
/// counts only if it matches the commitment in the event's signed body (``ContactSeal/verifies(_:for:)``).
public struct SealOpening: Hashable, Sendable, Codable {
    /// The event whose `sealed` member commits to the value.
    public var event: EventID
    public var field: CorrectableField
    public var value: String
    /// 32 hex digits of randomness, so the commitment does not reveal a guessable value (a phone number).
    public var salt: String

    public init(event: EventID, field: CorrectableField, value: String, salt: String) {
        self.event = event
        self.field = field
        self.value = value
        self.salt = salt
    }
}

/// Sealing and checking contact details: the commitment is hex SHA-256 of
/// `gongdan-seal/1|FIELD|SALT|VALUE`.
public enum ContactSeal {
    /// The commitment to `value` of `field` with `salt`.
    public static func commitment(field: CorrectableField, value: String, salt: String) -> String {
        EventChain.hash(bytes: Array("gongdan-seal/1|\(field.rawValue)|\(salt)|\(value)".utf8))
    }

    /// Seals what ``ContactPrivacy`` asks of `event` on a ticket of `category` (as its author saw it):
    /// the event with commitments in `sealed` (it keeps the values in memory; encoding drops them) and
    /// the openings to store beside it.
    public static func seal(_ event: TicketEvent, category: TicketCategory?) -> (event: TicketEvent, openings: [SealOpening]) {
        let fields = ContactPrivacy.fieldsToSeal(in: event, category: category)
        guard !fields.isEmpty else { return (event, []) }
        var sealed = event
        var commitments: [String: String] = [:]
        var openings: [SealOpening] = []
        for field in CorrectableField.allCases where fields.contains(field) {
            guard let value = event.value(of: field) else { continue }
            var random = SystemRandomNumberGenerator()
            let salt = EventChain.hex((0..<16).map { _ in UInt8.random(in: 0...255, using: &random) })
            commitments[field.rawValue] = commitment(field: field, value: value, salt: salt)
            openings.append(SealOpening(event: event.id, field: field, value: value, salt: salt))
        }
        sealed.sealed = commitments
        return (sealed, openings)
    }

    /// Whether `opening` opens a commitment of `event` (same event, a sealed field, the same digest).
    public static func verifies(_ opening: SealOpening, for event: TicketEvent) -> Bool {
        guard opening.event == event.id, let committed = event.sealed?[opening.field.rawValue] else { return false }
        return committed == commitment(field: opening.field, value: opening.value, salt: opening.salt)
    }

    /// The values of `openings` that verify against `event`, by field.
    public static func values(_ openings: [SealOpening], for event: TicketEvent) -> [CorrectableField: String] {
        var values: [CorrectableField: String] = [:]
        for opening in openings where verifies(opening, for: event) { values[opening.field] = opening.value }
        return values
    }
}
