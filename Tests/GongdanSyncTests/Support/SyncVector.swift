import Foundation
import GongdanCore
import GongdanSync

/// A JSON value, for the open-ended parts of a vector file (`expected`).
enum JSONValue: Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByNilLiteral {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int64) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(nilLiteral: ()) { self = .null }

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let value = try? c.decode(Bool.self) { self = .bool(value) }
        else if let value = try? c.decode(Int64.self) { self = .int(value) }
        else if let value = try? c.decode(String.self) { self = .string(value) }
        else if let value = try? c.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let value): try c.encode(value)
        case .int(let value): try c.encode(value)
        case .string(let value): try c.encode(value)
        case .array(let value): try c.encode(value)
        case .object(let value): try c.encode(value)
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .int(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let value): "[" + value.map(\.description).joined(separator: ", ") + "]"
        case .object(let value): "{" + value.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

/// One file of `sync-protocol/vectors/` (README §7).
struct SyncVector: Codable, Sendable {
    /// A conflict the hub must detect: its kind and the events it names (`ORIGIN#SEQ`, as a set).
    struct Conflict: Codable, Hashable, Sendable {
        var kind: ConflictKind
        var events: [String]
    }

    /// An event the hub must refuse and every fold must ignore (1.4): its name, the refusal's code and the
    /// rule it names (`docs/rules.md`).
    struct Refusal: Codable, Hashable, Sendable {
        var event: String
        var code: String
        var rule: String?
    }

    /// What the hub knows an origin's clock had passed (1.4, ``ClockFloor``): after its seq `afterSeq`,
    /// its events are stamped at or above `hlc`.
    struct FloorStep: Codable, Hashable, Sendable {
        var afterSeq: Int64
        var hlc: HybridTimestamp
    }

    var name: String
    var description: String
    var events: [TicketEvent]
    /// Orders in which a replica receives the events (indices into `events`), each a permutation.
    var deliveries: [[Int]]
    /// Expected values of the folded state; only the keys present are checked (see `StateProjection`).
    var expected: [String: JSONValue]
    var conflicts: [Conflict]
    /// Events the hub refuses (absent: none).
    var refused: [Refusal]? = nil
    /// Per origin, the clock floors the hub recorded (absent: none).
    var clockFloors: [String: [FloorStep]]? = nil

    /// Events refused for their stamps (`clock_behind`): the hub never lets them leave their node, so
    /// every replica folds the vector without them.
    var stampRefused: Set<String> {
        Set((refused ?? []).filter { $0.code == SyncError.Code.clockBehind.rawValue }.map(\.event))
    }

    /// `events` without those refused for their stamps: what replicas receive.
    func delivered(_ events: [TicketEvent]) -> [TicketEvent] {
        let refused = stampRefused
        return refused.isEmpty ? events : events.filter { !refused.contains($0.id.description) }
    }

    /// The floor of `origin`'s clock.
    func clockFloor(of origin: String) -> ClockFloor {
        ClockFloor(steps: (clockFloors?[origin] ?? []).map { ClockFloor.Step(afterSeq: $0.afterSeq, hlc: $0.hlc) })
    }

    /// The directory of the committed vectors, found from this source file.
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sync-protocol/vectors", isDirectory: true)
    }

    /// Every committed vector file, sorted by name.
    static func files() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func load(_ url: URL) throws -> SyncVector {
        try GongdanJSON.decoder().decode(SyncVector.self, from: Data(contentsOf: url))
    }

    static func loadAll() throws -> [SyncVector] {
        try files().map(load)
    }

    /// The vector as committed: pretty-printed, keys sorted, slashes and non-ASCII text unescaped.
    func fileBytes() throws -> Data {
        let encoder = GongdanJSON.encoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = Self.compactingScalarArrays(String(decoding: try encoder.encode(self), as: UTF8.self))
        return Data((text + "\n").utf8)
    }

    /// Puts arrays of numbers and short strings (deliveries, event names, unit codes) on one line.
    static func compactingScalarArrays(_ text: String) -> String {
        let scalar = #"(?:-?[0-9]+|"[^"\n\\]*")"#
        let pattern = #"\[\s*(?:"# + scalar + #"(?:\s*,\s*"# + scalar + #")*)?\s*\]"#
        let regex = try! NSRegularExpression(pattern: pattern)
        var result = text
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            let range = Range(match.range, in: text)!
            let items = text[range].dropFirst().dropLast()
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
            result.replaceSubrange(Range(match.range, in: result)!, with: "[" + items.joined(separator: ", ") + "]")
        }
        return result
    }

    /// The event named `ORIGIN#SEQ`.
    func event(_ id: String) -> TicketEvent? {
        events.first { $0.id.description == id }
    }
}

/// The parts of a folded `TicketState` that vectors may name in `expected`, as JSON values.
enum StateProjection {
    /// Every key a vector's `expected` may use.
    static func project(_ state: TicketState) -> [String: JSONValue] {
        [
            "status": .string(state.status.rawValue),
            "lead": state.lead.map(JSONValue.string) ?? .null,
            "coUnits": .array(state.coUnits.map(JSONValue.string)),
            "deadline": state.deadline.map { .string(timestamp($0)) } ?? .null,
            "signBy": state.signBy.map { .string(timestamp($0)) } ?? .null,
            "round": .int(Int64(state.round)),
            "escalated": .bool(state.escalated),
            "returnsOverruled": .int(Int64(state.returnsOverruled)),
            "unsatisfiedCount": .int(Int64(state.unsatisfiedCount)),
            "rejectedReplies": .int(Int64(state.rejectedReplies)),
            "extensionDaysGranted": .int(Int64(state.extensionDaysGranted)),
            "pendingExtension": state.pendingExtension.map { .int(Int64($0.days)) } ?? .null,
            "reply": state.reply.map { .string($0.event.description) } ?? .null,
            "supersededEvents": .array(state.supersededEvents.map { .string($0.description) }),
            "refusedEvents": .array(state.refusedEvents.map { .string($0.description) }),
            "handedOverReplies": .array(state.handedOverReplies.map { .string($0.event.description) }),
            "closure": state.closure.map { .string(closureName($0)) } ?? .null,
            "entityName": .string(state.intake.entity.name),
            "contact": state.intake.entity.contact.map(JSONValue.string) ?? .null,
            "phone": state.intake.entity.phone.map(JSONValue.string) ?? .null,
            "summary": .string(state.intake.summary),
            "category": .string(state.intake.category.rawValue),
            "eventCount": .int(Int64(state.eventCount)),
        ]
    }

    /// `2026-10-16T16:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        var writer = CanonicalJSONWriter()
        writer.date(date)
        return String(decoding: writer.bytes.dropFirst().dropLast(), as: UTF8.self)
    }

    static func closureName(_ closure: TicketState.Closure) -> String {
        switch closure {
        case .satisfied: "satisfied"
        case .unreachable: "unreachable"
        case .unreasonable: "unreasonable"
        case .byOffice: "byOffice"
        }
    }

    /// The keys of `expected` whose values differ from the state's, described.
    static func mismatches(_ expected: [String: JSONValue], _ state: TicketState) -> [String] {
        let actual = project(state)
        return expected.keys.sorted().compactMap { key in
            guard let value = actual[key] else { return "\(key): not a key vectors may use" }
            return value == expected[key] ? nil : "\(key): expected \(expected[key]!), folded \(value)"
        }
    }
}
