import Foundation

// The canonical JSON layouts of an event and its parts. Each object writes its keys in ascending
// UTF-8 byte order, exactly the members its `Codable` conformance encodes, nil ones left out;
// `CanonicalJSONTests` checks every layout against `GongdanJSON.encoder()`.

extension TicketEvent: CanonicalJSONEncodable {
    /// Writes the ``sealedForm()``: the bytes that are hashed and signed never hold a sealed value.
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        let payload = sealed == nil ? payload : sealedForm().payload
        writer.object { w in
            w.key("actor"); actor.writeCanonicalJSON(to: &w)
            w.key("clock"); clock.writeCanonicalJSON(to: &w)
            w.key("hlc"); w.int(hlc.packed)
            w.key("id"); id.writeCanonicalJSON(to: &w)
            w.key("payload"); payload.writeCanonicalJSON(to: &w)
            if let prev { w.key("prev"); w.string(prev) }
            if let sealed {
                w.key("sealed")
                w.object { w in
                    for field in sealed.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                        w.key(field); w.string(sealed[field]!)
                    }
                }
            }
            w.key("ticket"); w.string(ticket)
        }
    }
}

extension EventID: CanonicalJSONEncodable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.key("origin"); w.string(origin)
            w.key("seq"); w.int(seq)
        }
    }
}

extension Actor: CanonicalJSONEncodable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.key("node"); w.string(node)
            w.key("person"); w.string(person)
            w.key("role"); w.string(role.rawValue)
            if let unit { w.key("unit"); w.string(unit) }
        }
    }
}

extension VectorClock: CanonicalJSONEncodable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        writer.object { w in
            for entry in entries {
                w.key(entry.node); w.int(entry.count)
            }
        }
    }
}

extension TicketEventPayload: CanonicalJSONEncodable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        writer.object { w in
            switch self {
            case .created(let intake):
                w.key("intake"); intake.writeCanonicalJSON(to: &w)
            case .dispatched(let assignment), .escalated(let assignment):
                w.key("assignment"); assignment.writeCanonicalJSON(to: &w)
            case .signed:
                break
            case .returned(let reason), .closed(let reason):
                w.key("reason"); w.string(reason)
            case .contactReleased(let unit, let reason):
                w.key("reason"); w.string(reason)
                w.key("to"); w.string(unit)
            case .contacted(let note), .progressNoted(let note), .referred(let note):
                w.key("note"); w.string(note)
            case .extensionRequested(let days, let reason):
                w.key("days"); w.int(days)
                w.key("reason"); w.string(reason)
            case .extensionDecided(let approved, let reason, let deadline):
                w.key("approved"); w.bool(approved)
                if let deadline { w.key("deadline"); w.date(deadline) }
                if let reason { w.key("reason"); w.string(reason) }
            case .replied(let result, let resolved):
                w.key("resolved"); w.bool(resolved)
                w.key("result"); w.string(result)
            case .reviewed(let accepted, let reason):
                w.key("accepted"); w.bool(accepted)
                if let reason { w.key("reason"); w.string(reason) }
            case .evaluated(let evaluation):
                w.key("evaluation"); evaluation.writeCanonicalJSON(to: &w)
            case .corrected(let field, _):
                w.key("field"); w.string(field.rawValue)
            case .merged(let into):
                w.key("into"); w.string(into)
            }
            // "type" sorts after every other key but "value", which only `corrected` has.
            w.key("type"); w.string(type)
            if case .corrected(_, let value?) = self { w.key("value"); w.string(value) }
        }
    }
}

extension Intake: CanonicalJSONEncodable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.key("category"); w.string(category.rawValue)
            w.key("code"); w.string(code)
            if let detail { w.key("detail"); w.string(detail) }
            w.key("entity"); entity.writeCanonicalJSON(to: &w)
            if let hotlineOrder { w.key("hotlineOrder"); w.string(hotlineOrder) }
            if let hotlineReceivedAt { w.key("hotlineReceivedAt"); w.date(hotlineReceivedAt) }
            if let immediateAnswer { w.key("immediateAnswer"); w.string(immediateAnswer) }
            if let intakeDeadline { w.key("intakeDeadline"); w.date(intakeDeadline) }
            if let keptBy { w.key("keptBy"); w.string(keptBy) }
            if let keptDeadline { w.key("keptDeadline"); w.date(keptDeadline) }
            if let queryCode { w.key("queryCode"); w.string(queryCode) }
            w.key("source"); w.string(source.rawValue)
            w.key("summary"); w.string(summary)
        }
    }
}

extension BusinessEntity: CanonicalJSONEncodable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        writer.object { w in
            if let contact { w.key("contact"); w.string(contact) }
            if let creditCode { w.key("creditCode"); w.string(creditCode) }
            w.key("name"); w.string(name)
            if let phone { w.key("phone"); w.string(phone) }
        }
    }
}

extension Assignment: CanonicalJSONEncodable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.key("co"); w.array(co) { w, unit in w.string(unit) }
            w.key("deadline"); w.date(deadline)
            w.key("lead"); w.string(lead)
            w.key("signBy"); w.date(signBy)
        }
    }
}

extension Evaluation: CanonicalJSONEncodable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.key("channel"); w.string(channel.rawValue)
            if let note { w.key("note"); w.string(note) }
            w.key("reasonable"); w.bool(reasonable)
            w.key("resolved"); w.bool(resolved)
            w.key("satisfaction"); w.string(satisfaction.rawValue)
        }
    }
}
