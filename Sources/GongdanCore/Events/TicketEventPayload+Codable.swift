import Foundation

extension TicketEventPayload: Codable {
    private enum Key: String, CodingKey {
        case type, intake, assignment, reason, note, days, approved, deadline, result, resolved
        case accepted, evaluation, field, value, into, to
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "created": self = .created(try c.decode(Intake.self, forKey: .intake))
        case "dispatched": self = .dispatched(try c.decode(Assignment.self, forKey: .assignment))
        case "signed": self = .signed
        case "returned": self = .returned(reason: try c.decode(String.self, forKey: .reason))
        case "contacted": self = .contacted(note: try c.decode(String.self, forKey: .note))
        case "progressNoted": self = .progressNoted(note: try c.decode(String.self, forKey: .note))
        case "extensionRequested":
            self = .extensionRequested(days: try c.decode(Int.self, forKey: .days),
                                       reason: try c.decode(String.self, forKey: .reason))
        case "extensionDecided":
            self = .extensionDecided(approved: try c.decode(Bool.self, forKey: .approved),
                                     reason: try c.decodeIfPresent(String.self, forKey: .reason),
                                     deadline: try c.decodeIfPresent(Date.self, forKey: .deadline))
        case "referred": self = .referred(note: try c.decode(String.self, forKey: .note))
        case "replied":
            self = .replied(result: try c.decode(String.self, forKey: .result),
                            resolved: try c.decode(Bool.self, forKey: .resolved))
        case "reviewed":
            self = .reviewed(accepted: try c.decode(Bool.self, forKey: .accepted),
                             reason: try c.decodeIfPresent(String.self, forKey: .reason))
        case "evaluated": self = .evaluated(try c.decode(Evaluation.self, forKey: .evaluation))
        case "escalated": self = .escalated(try c.decode(Assignment.self, forKey: .assignment))
        case "closed": self = .closed(reason: try c.decode(String.self, forKey: .reason))
        case "contactReleased":
            self = .contactReleased(to: try c.decode(String.self, forKey: .to), reason: try c.decode(String.self, forKey: .reason))
        case "corrected":
            self = .corrected(field: try c.decode(CorrectableField.self, forKey: .field),
                              value: try c.decodeIfPresent(String.self, forKey: .value))
        case "merged": self = .merged(into: try c.decode(String.self, forKey: .into))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c,
                debugDescription: "unknown event type '\(type)': this replica is older than the event's origin; upgrade gongdan"
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(type, forKey: .type)
        switch self {
        case .created(let intake): try c.encode(intake, forKey: .intake)
        case .dispatched(let assignment), .escalated(let assignment): try c.encode(assignment, forKey: .assignment)
        case .signed: break
        case .returned(let reason), .closed(let reason): try c.encode(reason, forKey: .reason)
        case .contacted(let note), .progressNoted(let note), .referred(let note): try c.encode(note, forKey: .note)
        case .extensionRequested(let days, let reason):
            try c.encode(days, forKey: .days)
            try c.encode(reason, forKey: .reason)
        case .extensionDecided(let approved, let reason, let deadline):
            try c.encode(approved, forKey: .approved)
            try c.encodeIfPresent(reason, forKey: .reason)
            try c.encodeIfPresent(deadline, forKey: .deadline)
        case .replied(let result, let resolved):
            try c.encode(result, forKey: .result)
            try c.encode(resolved, forKey: .resolved)
        case .reviewed(let accepted, let reason):
            try c.encode(accepted, forKey: .accepted)
            try c.encodeIfPresent(reason, forKey: .reason)
        case .evaluated(let evaluation): try c.encode(evaluation, forKey: .evaluation)
        case .corrected(let field, let value):
            try c.encode(field, forKey: .field)
            try c.encodeIfPresent(value, forKey: .value)
        case .merged(let into): try c.encode(into, forKey: .into)
        case .contactReleased(let unit, let reason):
            try c.encode(unit, forKey: .to)
            try c.encode(reason, forKey: .reason)
        }
    }
}
