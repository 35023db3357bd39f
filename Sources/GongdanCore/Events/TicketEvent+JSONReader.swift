import Foundation

// The fast path of decoding an event (`JSONReader`): each reader takes exactly the members the
// type's `Codable` conformance decodes, required ones required, and skips unknown members as
// `JSONDecoder` does. Anything else is a `JSONReader.Miss`, and the caller decodes with `JSONDecoder`.

extension TicketEvent {
    /// Reads an event at the reader's position.
    public static func read(from reader: inout JSONReader) throws -> TicketEvent {
        var id: EventID?, ticket: String?, hlc: Int64?, clock: VectorClock?, actor: Actor?
        var payload: TicketEventPayload?, prev: String?, sealed: [String: String]?
        try reader.object { key, r in
            switch key {
            case "actor": actor = try Actor.read(from: &r)
            case "clock": clock = try VectorClock.read(from: &r)
            case "hlc": hlc = try r.int()
            case "id": id = try EventID.read(from: &r)
            case "payload": payload = try TicketEventPayload.read(from: &r)
            case "prev": prev = try r.optionalString()
            case "sealed":
                var fields: [String: String] = [:]
                try r.object { field, r in fields[field] = try r.string() }
                sealed = fields
            case "ticket": ticket = try r.string()
            default: try r.skipValue()
            }
        }
        guard let id, let ticket, let hlc, let clock, let actor, let payload else { throw JSONReader.Miss() }
        return TicketEvent(id: id, ticket: ticket, hlc: HybridTimestamp(packed: hlc), clock: clock, actor: actor,
                           payload: payload, prev: prev, sealed: sealed)
    }
}

extension EventID {
    /// Reads an event ID at the reader's position.
    public static func read(from reader: inout JSONReader) throws -> EventID {
        var origin: String?, seq: Int64?
        try reader.object { key, r in
            switch key {
            case "origin": origin = try r.string()
            case "seq": seq = try r.int()
            default: try r.skipValue()
            }
        }
        guard let origin, let seq else { throw JSONReader.Miss() }
        return EventID(origin: origin, seq: seq)
    }
}

extension Actor {
    static func read(from reader: inout JSONReader) throws -> Actor {
        var node: String?, role: Role?, unit: String?, person: String?
        try reader.object { key, r in
            switch key {
            case "node": node = try r.string()
            case "person": person = try r.string()
            case "role": role = try r.raw(Role.self)
            case "unit": unit = try r.optionalString()
            default: try r.skipValue()
            }
        }
        guard let node, let role, let person else { throw JSONReader.Miss() }
        return Actor(node: node, role: role, unit: unit, person: person)
    }
}

extension VectorClock {
    static func read(from reader: inout JSONReader) throws -> VectorClock {
        var counts: [String: Int] = [:]
        try reader.object { node, r in counts[node] = try r.intValue() }
        return VectorClock(counts)
    }
}

extension TicketEventPayload {
    static func read(from reader: inout JSONReader) throws -> TicketEventPayload {
        var type: String?, intake: Intake?, assignment: Assignment?, evaluation: Evaluation?
        var strings: [String: String?] = [:]  // reason, note, result, value, into, field: null kept as nil
        var days: Int?, deadline: Date??, flags: [String: Bool] = [:]
        try reader.object { key, r in
            switch key {
            case "type": type = try r.string()
            case "intake": intake = try Intake.read(from: &r)
            case "assignment": assignment = try Assignment.read(from: &r)
            case "evaluation": evaluation = try Evaluation.read(from: &r)
            case "reason", "note", "result", "value", "into", "field", "to": strings[key] = .some(try r.optionalString())
            case "days": days = try r.intValue()
            case "deadline": deadline = .some(try r.optionalDate())
            case "approved", "resolved", "accepted": flags[key] = try r.bool()
            default: try r.skipValue()
            }
        }
        /// A required string member (present and not null).
        func text(_ key: String) throws -> String {
            guard let value = strings[key], let value else { throw JSONReader.Miss() }
            return value
        }
        func optionalText(_ key: String) -> String? { strings[key] ?? nil }
        func flag(_ key: String) throws -> Bool {
            guard let value = flags[key] else { throw JSONReader.Miss() }
            return value
        }
        switch type {
        case "created": return .created(try intake.orMiss())
        case "dispatched": return .dispatched(try assignment.orMiss())
        case "signed": return .signed
        case "returned": return .returned(reason: try text("reason"))
        case "contacted": return .contacted(note: try text("note"))
        case "progressNoted": return .progressNoted(note: try text("note"))
        case "extensionRequested": return .extensionRequested(days: try days.orMiss(), reason: try text("reason"))
        case "extensionDecided":
            return .extensionDecided(approved: try flag("approved"), reason: optionalText("reason"), deadline: deadline ?? nil)
        case "referred": return .referred(note: try text("note"))
        case "replied": return .replied(result: try text("result"), resolved: try flag("resolved"))
        case "reviewed": return .reviewed(accepted: try flag("accepted"), reason: optionalText("reason"))
        case "evaluated": return .evaluated(try evaluation.orMiss())
        case "escalated": return .escalated(try assignment.orMiss())
        case "closed": return .closed(reason: try text("reason"))
        case "contactReleased": return .contactReleased(to: try text("to"), reason: try text("reason"))
        case "corrected":
            guard let field = CorrectableField(rawValue: try text("field")) else { throw JSONReader.Miss() }
            return .corrected(field: field, value: optionalText("value"))
        case "merged": return .merged(into: try text("into"))
        default: throw JSONReader.Miss()
        }
    }
}

extension Intake {
    static func read(from reader: inout JSONReader) throws -> Intake {
        var code: String?, queryCode: String?, category: TicketCategory?, source: IntakeSource?
        var entity: BusinessEntity?, summary: String?, detail: String?, hotlineReceivedAt: Date?
        var hotlineOrder: String?, intakeDeadline: Date?, keptBy: String?, keptDeadline: Date?
        var immediateAnswer: String?
        try reader.object { key, r in
            switch key {
            case "category": category = try r.raw(TicketCategory.self)
            case "code": code = try r.string()
            case "detail": detail = try r.optionalString()
            case "entity": entity = try BusinessEntity.read(from: &r)
            case "hotlineOrder": hotlineOrder = try r.optionalString()
            case "hotlineReceivedAt": hotlineReceivedAt = try r.optionalDate()
            case "immediateAnswer": immediateAnswer = try r.optionalString()
            case "intakeDeadline": intakeDeadline = try r.optionalDate()
            case "keptBy": keptBy = try r.optionalString()
            case "keptDeadline": keptDeadline = try r.optionalDate()
            case "queryCode": queryCode = try r.optionalString()
            case "source": source = try r.raw(IntakeSource.self)
            case "summary": summary = try r.string()
            default: try r.skipValue()
            }
        }
        guard let code, let category, let source, let entity, let summary else { throw JSONReader.Miss() }
        return Intake(code: code, queryCode: queryCode, category: category, source: source, entity: entity,
                      summary: summary, detail: detail, hotlineReceivedAt: hotlineReceivedAt, hotlineOrder: hotlineOrder,
                      intakeDeadline: intakeDeadline, keptBy: keptBy, keptDeadline: keptDeadline,
                      immediateAnswer: immediateAnswer)
    }
}

extension BusinessEntity {
    static func read(from reader: inout JSONReader) throws -> BusinessEntity {
        var name: String?, creditCode: String?, contact: String?, phone: String?
        try reader.object { key, r in
            switch key {
            case "contact": contact = try r.optionalString()
            case "creditCode": creditCode = try r.optionalString()
            case "name": name = try r.string()
            case "phone": phone = try r.optionalString()
            default: try r.skipValue()
            }
        }
        guard let name else { throw JSONReader.Miss() }
        return BusinessEntity(name: name, creditCode: creditCode, contact: contact, phone: phone)
    }
}

extension Assignment {
    static func read(from reader: inout JSONReader) throws -> Assignment {
        var lead: String?, co: [String]?, signBy: Date?, deadline: Date?
        try reader.object { key, r in
            switch key {
            case "co": co = try r.array { try $0.string() }
            case "deadline": deadline = try r.date()
            case "lead": lead = try r.string()
            case "signBy": signBy = try r.date()
            default: try r.skipValue()
            }
        }
        guard let lead, let co, let signBy, let deadline else { throw JSONReader.Miss() }
        return Assignment(lead: lead, co: co, signBy: signBy, deadline: deadline)
    }
}

extension Evaluation {
    static func read(from reader: inout JSONReader) throws -> Evaluation {
        var satisfaction: Satisfaction?, resolved: Bool?, reasonable: Bool?, channel: EvaluationChannel?, note: String?
        try reader.object { key, r in
            switch key {
            case "channel": channel = try r.raw(EvaluationChannel.self)
            case "note": note = try r.optionalString()
            case "reasonable": reasonable = try r.bool()
            case "resolved": resolved = try r.bool()
            case "satisfaction": satisfaction = try r.raw(Satisfaction.self)
            default: try r.skipValue()
            }
        }
        guard let satisfaction, let resolved, let reasonable, let channel else { throw JSONReader.Miss() }
        return Evaluation(satisfaction: satisfaction, resolved: resolved, reasonable: reasonable, channel: channel, note: note)
    }
}

extension Optional {
    /// The value, or a `JSONReader.Miss` when a required member was absent.
    func orMiss() throws -> Wrapped {
        guard let self else { throw JSONReader.Miss() }
        return self
    }
}
