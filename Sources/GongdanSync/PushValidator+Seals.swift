import Foundation
import GongdanCore

extension PushValidator {
    /// Checks a push's sealed fields and their openings (1.5, `docs/privacy.md`) and returns the fresh
    /// events opened with them, and the openings to store. A sealed field is a contact or identity field
    /// the event carries (a correction: its own field), committed to in the signed body, never in the
    /// clear beside its commitment, and opened by the push (the hub must hold every value it forwards).
    /// Openings of events the hub already holds are ignored.
    public static func openSeals(_ fresh: [TicketEvent], openings: [SealOpening]) throws(SyncError) -> (events: [TicketEvent], openings: [SealOpening]) {
        let sealable = ContactPrivacy.contactFields.union(ContactPrivacy.identityFields)
        var byEvent: [EventID: [SealOpening]] = [:]
        for opening in openings { byEvent[opening.event, default: []].append(opening) }
        var opened: [TicketEvent] = []
        var kept: [SealOpening] = []
        opened.reserveCapacity(fresh.count)
        for event in fresh {
            guard let sealed = event.sealed else {
                guard byEvent[event.id] == nil else {
                    throw violation(event, "privacy.opening", "the push opens fields of event \(event.id), which seals none")
                }
                opened.append(event)
                continue
            }
            for (name, digest) in sealed {
                guard let field = CorrectableField(rawValue: name), sealable.contains(field),
                      digest.count == 64, digest.allSatisfy(\.isHexDigit) else {
                    throw violation(event, "privacy.sealed", "it seals '\(name)': only an entity's contact, phone, name or credit code is sealed, with a SHA-256 commitment")
                }
                switch event.payload {
                case .created: break
                case .corrected(let corrected, _) where corrected == field: break
                default: throw violation(event, "privacy.sealed", "a \(event.payload.type) event carries no \(name) to seal")
                }
                guard event.value(of: field) == nil else {
                    throw violation(event, "privacy.sealed", "it carries \(name) in the clear beside its commitment; a sealed value travels only as an opening")
                }
            }
            let mine = byEvent[event.id] ?? []
            for opening in mine where !ContactSeal.verifies(opening, for: event) {
                throw violation(event, "privacy.opening", "the value sent for its \(opening.field.rawValue) does not match the commitment in its signed body")
            }
            let values = ContactSeal.values(mine, for: event)
            for name in sealed.keys.sorted() where values[CorrectableField(rawValue: name)!] == nil {
                throw violation(event, "privacy.opening", "the push does not send the value of its sealed \(name); the hub must hold every value it forwards")
            }
            opened.append(event.opened(with: values))
            kept += mine
        }
        return (opened, kept)
    }

    static func violation(_ event: TicketEvent, _ rule: String, _ why: String) -> SyncError {
        SyncError(.ruleViolation, "event \(event.id) (\(event.payload.type)) on ticket \(event.ticket) breaks rule \(rule): \(why); the hub stores none of this push — upgrade gongdan on the node, or tell the hub operator")
    }
}
