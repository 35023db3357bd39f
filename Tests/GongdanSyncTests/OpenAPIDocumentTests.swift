import Foundation
import Testing
import GongdanCore
import GongdanSync

/// `sync-protocol/openapi.yaml` against the code, by simple line parsing (no YAML library): the
/// routes, the error codes with their HTTP statuses, and every event payload with its fields.
@Suite("The OpenAPI document")
struct OpenAPIDocumentTests {
    /// The hub's routes, (method, path). The hub's router test checks its routes against the same list.
    static let hubRoutes: Set<Route> = [
        Route("GET", "/healthz"),
        Route("GET", "/metrics"),
        Route("GET", "/api/v1/sync/state"),
        Route("POST", "/api/v1/sync/push"),
        Route("GET", "/api/v1/sync/pull"),
        Route("POST", "/api/v1/intake"),
        Route("GET", "/api/v1/public/tickets/{code}"),
        Route("POST", "/api/v1/public/tickets/{code}/evaluation"),
    ]

    struct Route: Hashable, CustomStringConvertible {
        var method: String
        var path: String
        init(_ method: String, _ path: String) {
            self.method = method
            self.path = path
        }
        var description: String { "\(method) \(path)" }
    }

    /// One of every payload case; `caseIndex` fails to compile when a case is added, so this list
    /// (and the document) must be updated with it.
    static let samplePayloads: [TicketEventPayload] = {
        let date = Date(timeIntervalSince1970: 1_794_844_800)
        let assignment = Assignment(lead: "DX", co: ["SCJG"], signBy: date, deadline: date)
        let intake = Intake(code: "WS-26-0001", queryCode: "ABC234", category: .complaint, source: .hotline,
                            entity: BusinessEntity(name: "店", creditCode: "91450800MA5K000000", contact: "黄", phone: "1"),
                            summary: "s", detail: "d", hotlineReceivedAt: date, hotlineOrder: "o", intakeDeadline: date,
                            keptBy: "DX", keptDeadline: date, immediateAnswer: "a")
        return [
            .created(intake), .dispatched(assignment), .signed, .returned(reason: "r"), .contacted(note: "n"),
            .progressNoted(note: "n"), .extensionRequested(days: 1, reason: "r"),
            .extensionDecided(approved: true, reason: "r", deadline: date), .referred(note: "n"),
            .replied(result: "r", resolved: true), .reviewed(accepted: false, reason: "r"),
            .evaluated(Evaluation(satisfaction: .basic, resolved: true, note: "n")), .escalated(assignment),
            .closed(reason: "r"), .corrected(field: .phone, value: "v"), .merged(into: "WS-26-0002"),
            .contactReleased(to: "DX", reason: "r"),
        ]
    }()

    static func caseIndex(_ payload: TicketEventPayload) -> Int {
        switch payload {
        case .created: 0
        case .dispatched: 1
        case .signed: 2
        case .returned: 3
        case .contacted: 4
        case .progressNoted: 5
        case .extensionRequested: 6
        case .extensionDecided: 7
        case .referred: 8
        case .replied: 9
        case .reviewed: 10
        case .evaluated: 11
        case .escalated: 12
        case .closed: 13
        case .corrected: 14
        case .merged: 15
        case .contactReleased: 16
        }
    }

    static let documentURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sync-protocol/openapi.yaml")

    /// The document's lines, comments and blank lines dropped.
    static func lines() throws -> [String] {
        try String(contentsOf: documentURL, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
    }

    static func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    /// The lines of the block that the line `header` (exactly, indentation included) opens.
    static func block(_ header: String, in lines: [String]) -> [String] {
        guard let start = lines.firstIndex(of: header) else { return [] }
        let level = indent(header)
        return Array(lines[(start + 1)...].prefix { indent($0) > level })
    }

    /// `key` of a `key: value` or `key:` line, unquoted.
    static func key(_ line: String) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let key = trimmed.split(separator: ":", maxSplits: 1).first.map(String.init) ?? trimmed
        return key.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }

    static func value(_ line: String) -> String {
        let parts = line.split(separator: ":", maxSplits: 1)
        return parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) : ""
    }

    @Test("the document's (method, path) pairs are exactly the hub's routes")
    func routes() throws {
        // Given the document's paths block
        let paths = Self.block("paths:", in: try Self.lines())
        // When every path (indent 2) and its methods (indent 4) are read
        var found = Set<Route>()
        var path = ""
        for line in paths {
            if Self.indent(line) == 2 { path = Self.key(line) }
            if Self.indent(line) == 4, ["get", "post", "put", "patch", "delete", "head", "options"].contains(Self.key(line)) {
                found.insert(Route(Self.key(line).uppercased(), path))
            }
        }
        // Then they are the hub's routes
        #expect(found == Self.hubRoutes)
    }

    @Test("every node and intake operation requires the Gongdan-Protocol header; /healthz and the public API need no credential")
    func protocolHeaderAndSecurity() throws {
        let lines = try Self.lines()
        let paths = Self.block("paths:", in: lines)
        for route in Self.hubRoutes where route.path.hasPrefix("/api/v1/") {
            let operation = Self.block("    \(route.method.lowercased()):", in: Self.block("  \(route.path):", in: paths))
            if route.path.hasPrefix("/api/v1/public/") {
                #expect(operation.contains("      security: []"), "\(route)")
            } else {
                #expect(operation.contains { $0.contains("$ref: \"#/components/parameters/ProtocolHeader\"") }, "\(route)")
            }
        }
        let healthz = Self.block("    get:", in: Self.block("  /healthz:", in: paths))
        #expect(healthz.contains("      security: []"))
        let header = Self.block("    ProtocolHeader:", in: Self.block("  parameters:", in: lines))
        #expect(header.contains("      name: Gongdan-Protocol") && header.contains("      required: true"))
        #expect(lines.contains("    bearerAuth:") && lines.contains("      scheme: bearer"))
    }

    @Test("the error code enum holds every SyncError code, each with its HTTP status")
    func errorCodes() throws {
        // Given the ErrorCode schema
        let schema = Self.block("    ErrorCode:", in: try Self.lines())
        // When its enum and its x-http-status table are read
        let codes = Self.block("      enum:", in: schema).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
        let statuses = Dictionary(uniqueKeysWithValues: Self.block("      x-http-status:", in: schema).map { (Self.key($0), Int(Self.value($0))) })
        // Then they are exactly the codes, with the statuses the code gives them
        #expect(Set(codes) == Set(SyncError.Code.allCases.map(\.rawValue)))
        #expect(codes.count == SyncError.Code.allCases.count)
        for code in SyncError.Code.allCases {
            #expect(statuses[code.rawValue] == code.httpStatus, "\(code.rawValue)")
        }
    }

    @Test("each operation lists an error response for every status its refusals travel with")
    func errorResponsesPerOperation() throws {
        let lines = try Self.lines()
        let paths = Self.block("paths:", in: lines)
        let push = Self.block("    post:", in: Self.block("  /api/v1/sync/push:", in: paths))
        let pushStatuses = Set(Self.block("      responses:", in: push).filter { Self.indent($0) == 8 }.map(Self.key))
        // Every refusal a push can meet (all codes but not_found) has its status listed.
        for code in SyncError.Code.allCases where code != .notFound {
            #expect(pushStatuses.contains(String(code.httpStatus)), "push lacks \(code.httpStatus) for \(code.rawValue)")
        }
        // And every response component names the codes that travel with its status.
        let responses = Self.block("  responses:", in: Self.block("components:", in: lines))
        let descriptions = responses.filter { $0.hasPrefix("      description:") }.joined(separator: "\n")
        for code in SyncError.Code.allCases {
            #expect(descriptions.contains(code.rawValue) && descriptions.contains("HTTP \(code.httpStatus)"), "\(code.rawValue)")
        }
    }

    @Test("the sample payloads cover every TicketEventPayload case")
    func samplesCoverEveryCase() {
        #expect(Set(Self.samplePayloads.map(Self.caseIndex)) == Set(0..<17))
    }

    @Test("every payload type is in the discriminator with a schema listing exactly its encoded fields")
    func payloads() throws {
        let lines = try Self.lines()
        let schemas = Self.block("  schemas:", in: Self.block("components:", in: lines))
        let mapping = Self.block("        mapping:", in: Self.block("    TicketEventPayload:", in: schemas))
        for payload in Self.samplePayloads {
            // Given the payload's encoded keys
            let json = try JSONSerialization.jsonObject(with: GongdanJSON.encoder().encode(payload)) as? [String: Any]
            let keys = Set(try #require(json).keys)
            // When its schema is found through the discriminator mapping
            let entry = try #require(mapping.first { Self.key($0) == payload.type }, "no mapping for \(payload.type)")
            let name = String(Self.value(entry).split(separator: "/").last ?? "")
            let schema = Self.block("    \(name):", in: schemas)
            // Then the schema's const is the type, and its properties are exactly the encoded keys
            #expect(schema.contains("          const: \(payload.type)"), "\(name)")
            let properties = Set(Self.block("      properties:", in: schema).filter { Self.indent($0) == 8 }.map(Self.key))
            #expect(properties == keys, "\(payload.type): schema \(properties.sorted()), encoded \(keys.sorted())")
            #expect(schemas.contains { $0.trimmingCharacters(in: .whitespaces) == "- $ref: \"#/components/schemas/\(name)\"" }, "\(name) not in oneOf")
        }
    }

    @Test("the wire structures' fields appear in their schemas")
    func messageSchemas() throws {
        let schemas = Self.block("  schemas:", in: Self.block("components:", in: try Self.lines()))
        func properties(_ name: String) -> Set<String> {
            Set(Self.block("      properties:", in: Self.block("    \(name):", in: schemas)).filter { Self.indent($0) == 8 }.map(Self.key))
        }
        #expect(properties("SyncState") == ["protocol", "node", "role", "hubHas", "hubHeadHash", "publicKey", "serverTime", "limits", "units",
                                            "epoch", "lastContact", "credentialExpiresAt", "name", "policyDigest", "policy",
                                            "queryCodeSecret", "hubKey"])
        #expect(properties("SyncedPolicy") == ["years", "versions"])
        #expect(properties("HolidaySchedule") == ["year", "source", "holidays", "workdays"])
        #expect(properties("PolicyVersion") == ["effectiveFrom", "handling"])
        #expect(properties("HotlineIntakeResponse") == ["protocol", "ticket", "result", "queryCode", "progressPath"])
        #expect(properties("ReportedContact") == ["lastSeq", "at"])
        #expect(properties("PushRequest") == ["protocol", "node", "events", "head", "publicKey", "backlog", "software", "openings"])
        #expect(properties("PushResponse") == ["protocol", "accepted", "duplicates", "hubHas", "conflicts"])
        #expect(properties("PullResponse") == ["protocol", "events", "cursor", "more", "heads", "units", "notices", "conflicts",
                                               "openings"])
        #expect(properties("SyncedNotice") == ["id", "number", "level", "unit", "unitName", "trigger", "tickets", "findings",
                                               "finishBy", "issuedAt"])
        #expect(properties("SignedHead") == ["origin", "seq", "hash", "signature"])
        #expect(properties("ConflictNotice") == ["id", "ticket", "kind", "summary"])
        #expect(properties("SyncLimits") == ["maxPushEvents", "maxBodyBytes", "maxPullEvents", "maxPullBytes", "clockAllowance"])
        #expect(properties("HandlingUnit") == ["code", "name", "kind"])
        #expect(properties("TicketEvent") == ["id", "ticket", "hlc", "clock", "actor", "payload", "prev", "sealed"])
        #expect(properties("SealOpening") == ["event", "field", "value", "salt"])
        #expect(properties("ErrorResponse") == ["protocol", "error"])
        // `enum: [assignment, handedOverReply, …]` on one line
        let kinds = try #require(Self.block("    ConflictKind:", in: schemas).first { $0.hasPrefix("      enum: [") })
        let listed = kinds.drop { $0 != "[" }.dropFirst().prefix { $0 != "]" }
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(Set(listed) == Set(ConflictKind.allCases.map(\.rawValue)))
    }

    @Test("the protocol version schema is MAJOR.MINOR")
    func versionPattern() throws {
        let schema = Self.block("    ProtocolVersion:", in: try Self.lines())
        #expect(schema.contains(#"      pattern: ^\d+\.\d+$"#))
    }
}
