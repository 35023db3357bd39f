import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GongdanCore
import GongdanHub
import GongdanNode
import GongdanSync
import GongdanTesting
import Testing
@testable import GongdanStore

/// Issue 11, item 4: only the entity and the workstation evaluate. Query codes are derived from the
/// ticket code with the district's secret (protocol 1.4); the secret reaches the workstation only;
/// a unit's walk-in is evaluated by the workstation's revisit, never on the public page.
/// A real hub on 127.0.0.1 (port 0, in-process), real replicas on files syncing over HTTP.
@Suite("Only the entity and the workstation evaluate", .timeLimit(.minutes(2)))
struct QueryCodeTests {
    typealias Client = HubHTTPTests.Client

    /// A hub, the workstation WS and the township DX on replica files, syncing with the hub over HTTP.
    struct District {
        let hub: HubFixture
        let client: Client
        let ws: NodeService
        let dx: NodeService
        let port: Int
        let directory: TemporaryDirectory

        func sync(_ node: NodeService) async throws {
            let code = try node.store.requireIdentity().code
            let transport = HTTPSyncTransport(baseURL: URL(string: "http://127.0.0.1:\(port)")!, token: hub.tokens[code]!)
            let now = hub.now
            _ = try await SyncSession(store: node.store, transport: transport, software: "test", now: { now }).run()
        }

        /// The bytes of every file of `node`'s replica (the database, its WAL and shared memory).
        func replicaBytes(_ name: String) throws -> Data {
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
                .filter { $0.hasPrefix(name + ".sqlite") }
            #expect(!files.isEmpty)
            return try files.reduce(into: Data()) { bytes, file in
                bytes += try Data(contentsOf: directory.url.appendingPathComponent(file))
            }
        }

        func publicLookup(_ ticket: String, query: String) async throws -> (status: Int, body: Data) {
            try await client.send("GET", "/api/v1/public/tickets/\(ticket)?query=\(query)", token: nil, protocolHeader: nil)
        }

        func publicEvaluation(_ ticket: String, query: String) async throws -> (status: Int, body: Data) {
            let body = try GongdanJSON.encoder().encode(PublicEvaluationRequest(query: query, satisfaction: .satisfied, resolved: true))
            return try await client.send("POST", "/api/v1/public/tickets/\(ticket)/evaluation", token: nil, protocolHeader: nil,
                                         body: body)
        }
    }

    func withDistrict(_ body: (District) async throws -> Void) async throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        let directory = try TemporaryDirectory("gongdan-query-codes")
        defer { directory.remove() }
        let now = hub.now
        let ws = NodeService(store: try ReplicaStore(path: directory.path("ws.sqlite")), person: "王工作站", now: { now })
        try ws.initialize(role: .workstation, code: "WS", name: "区工作站")
        let dx = NodeService(store: try ReplicaStore(path: directory.path("dx.sqlite")), person: "李镇", now: { now })
        try dx.initialize(role: .township, code: "DX", name: "东兴镇")
        let app = HubApplication(store: hub.store, host: "127.0.0.1", port: 0, now: { now })
        let session = URLSession(configuration: .ephemeral)
        try await app.withRunningServer { port in
            let client = Client(base: URL(string: "http://127.0.0.1:\(port)")!, session: session)
            try await body(District(hub: hub, client: client, ws: ws, dx: dx, port: port, directory: directory))
        }
    }

    /// A consultation DX answers at once at its window: it awaits its evaluation from the start.
    static let walkIn = IntakeRequest(category: .consult, source: .window, entity: BusinessEntity(name: "港南区好味餐馆"),
                                      summary: "营业执照变更需要哪些材料", immediateAnswer: "带上原执照和股东决议到政务中心")

    @Test func aUnitsReplicaAfterSyncHoldsNoQueryCodeNorTheSecret() async throws {
        try await withDistrict { district in
            // Given a ticket the workstation dispatched to DX (once it has the directory), and a walk-in DX
            // took in and answered at once
            try await district.sync(district.ws)
            let dispatched = try district.ws.createTicket(Fixtures.complaint(source: .online))
            try district.ws.perform(.dispatch(lead: "DX", co: []), on: dispatched.code)
            let walkIn = try district.dx.createTicket(Self.walkIn)

            // When both sync with the hub over HTTP (WS, DX, then WS again)
            try await district.sync(district.ws)
            try await district.sync(district.dx)
            try await district.sync(district.ws)

            // Then DX holds both tickets
            #expect(try district.dx.store.ticket(dispatched.code) != nil)
            #expect(try district.dx.store.ticket(walkIn.code) != nil)
            // but its sync state answer carries no secret, and its replica holds none
            let state = try await district.client.send("GET", "/api/v1/sync/state", token: district.hub.tokens["DX"]!)
            #expect(try GongdanJSON.decoder().decode(SyncState.self, from: state.body).queryCodeSecret == nil)
            #expect(try district.dx.store.queryCodeSecret() == nil)
            #expect(try district.dx.queryCode(for: dispatched.code) == nil)
            #expect(try district.dx.detail(of: walkIn.code).queryCode == nil)

            // And the replica's files hold neither code nor the secret, in any form
            let secret = try await district.hub.store.db.read { db in try HubStore.queryCodeSecret(db) }
            let codes = [try #require(try district.hub.store.queryCode(for: dispatched.code)),
                         try #require(try district.hub.store.queryCode(for: walkIn.code))]
            let dxBytes = try district.replicaBytes("dx")
            for code in codes {
                #expect(dxBytes.range(of: Data(code.utf8)) == nil, "DX's replica holds the query code \(code)")
            }
            #expect(dxBytes.range(of: secret.bytes) == nil && dxBytes.range(of: Data(secret.base64.utf8)) == nil)

            // While the workstation's replica holds the secret (the same search finds it there)
            #expect(try district.replicaBytes("ws").range(of: Data(secret.base64.utf8)) != nil)
        }
    }

    @Test func theWorkstationDerivesTheSameCodeTheHubAccepts() async throws {
        try await withDistrict { district in
            // Given a ticket the workstation took in before it ever synced: it cannot name the code yet
            let ticket = try district.ws.createTicket(Fixtures.complaint(source: .online))
            #expect(try district.ws.queryCode(for: ticket.code) == nil)

            // When it syncs, the state answer brings the district's secret
            try await district.sync(district.ws)

            // Then it derives the code the hub derives, shows it on the ticket, and the public page opens with it
            let derived = try #require(try district.ws.queryCode(for: ticket.code))
            #expect(derived == (try district.hub.store.queryCode(for: ticket.code)))
            #expect(derived.count == 6 && derived.allSatisfy(TicketCode.queryAlphabet.contains))
            #expect(try district.ws.detail(of: ticket.code).queryCode == derived)
            let lookup = try await district.publicLookup(ticket.code, query: derived.lowercased())
            #expect(lookup.status == 200)
            let answer = try GongdanJSON.decoder().decode(PublicTicketResponse.self, from: lookup.body)
            #expect(answer.progress.ticket == ticket.code && !answer.progress.revisitOnly)
            // And the created event carries no code at all
            let created = try #require(try district.ws.store.events(ofTicket: ticket.code).first)
            guard case .created(let intake) = created.payload else { Issue.record("not a created event"); return }
            #expect(intake.queryCode == nil)
        }
    }

    @Test func aWalkInTakenInByAUnitCannotBeEvaluatedOnThePublicPageEvenWithItsCode() async throws {
        try await withDistrict { district in
            // Given a consultation DX answered at once at its window, synced: it awaits its evaluation
            let walkIn = try district.dx.createTicket(Self.walkIn)
            #expect(walkIn.status == .pendingEvaluation)
            try await district.sync(district.dx)
            // and the right query code (which DX cannot derive; the test takes it from the hub)
            let code = try #require(try district.hub.store.queryCode(for: walkIn.code))
            let before = try district.hub.counts()

            // When someone evaluates it "satisfied" on the public page, by the API and by the form
            let api = try await district.publicEvaluation(walkIn.code, query: code)
            let form = try await district.client.send(
                "POST", "/progress/evaluation", token: nil, protocolHeader: nil,
                body: Data("code=\(walkIn.code)&query=\(code)&satisfaction=satisfied&resolved=yes".utf8),
                contentType: "application/x-www-form-urlencoded")

            // Then both are refused as not evaluable there, saying the workstation revisits, and nothing is stored
            #expect(api.status == 409)
            let error = try district.client.error(api.body)
            #expect(error.code == .notEvaluable && error.message.contains("回访"))
            #expect(form.status == 409 && String(decoding: form.body, as: UTF8.self).contains("区工作站将回访您"))
            #expect(try district.hub.counts() == before)
            // and the page tells the entity so instead of offering the form
            let lookup = try await district.publicLookup(walkIn.code, query: code)
            let progress = try GongdanJSON.decoder().decode(PublicTicketResponse.self, from: lookup.body).progress
            #expect(progress.revisitOnly && !progress.canEvaluate)

            // When the workstation revisits the entity and records its evaluation
            try await district.sync(district.ws)
            try district.ws.perform(.evaluate(Evaluation(satisfaction: .satisfied, resolved: true)), on: walkIn.code)
            try await district.sync(district.ws)

            // Then that evaluation counts: the ticket is closed at the hub
            let closed = try await district.hub.store.db.read { db in try HubStore.requireState(db, walkIn.code) }
            #expect(closed.status == .closed && closed.evaluations.count == 1)
        }
    }

    @Test func theHotlineIntakeAnswerCarriesAQueryCodeThatOpensThePublicPage() async throws {
        try await withDistrict { district in
            // Given the 12345 platform's token
            let token = try district.hub.store.issueIntakeToken(at: Fixtures.cst("2026-09-01 10:00"))

            // When it posts a hotline item
            let posted = try await district.client.send("POST", "/api/v1/intake", token: token,
                                                        body: try HubIntakeTests.body(HubIntakeTests.item()))
            #expect(posted.status == 200)
            let answer = try HubIntakeTests.answer(posted.body)

            // Then the answer carries the query code and where the entity uses it
            let code = try #require(answer.queryCode)
            #expect(answer.progressPath == "/progress")
            #expect(code == (try district.hub.store.queryCode(for: answer.ticket)))
            // and the code opens the ticket on the public page
            #expect(try await district.publicLookup(answer.ticket, query: code).status == 200)
            // and the same order again answers the same code
            let again = try await district.client.send("POST", "/api/v1/intake", token: token,
                                                       body: try HubIntakeTests.body(HubIntakeTests.item()))
            #expect(try HubIntakeTests.answer(again.body).queryCode == code)
        }
    }

    @Test func aLegacyTicketWithAStoredCodeStillOpensWithEitherCode() async throws {
        try await withDistrict { district in
            // Given a ticket a 1.3 workstation took in and dispatched to DX, its created event carrying the code it drew
            var harness = TicketHarness(code: "WS-26-0001")
            try harness.intake(Fixtures.complaint(source: .online), on: "WS", at: Fixtures.cst("2026-10-19 09:00"),
                               legacyQueryCode: "ABC234")
            try harness.perform(.dispatch(lead: "DX", co: []), on: "WS", at: Fixtures.cst("2026-10-19 10:00"))
            var push = try district.hub.push(harness.allEvents, from: "WS")
            push.protocol = ProtocolVersion(major: 1, minor: 3)
            _ = try district.hub.store.ingest(push, from: try district.hub.node("WS"), now: district.hub.now)

            // When the entity looks it up with its old code, or with the derived one
            let derived = try #require(try district.hub.store.queryCode(for: "WS-26-0001"))
            let old = try await district.publicLookup("WS-26-0001", query: "abc234")
            let new = try await district.publicLookup("WS-26-0001", query: derived)
            let wrong = try await district.publicLookup("WS-26-0001", query: derived == "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ")

            // Then both open it and a wrong one is the usual 404
            #expect(old.status == 200 && new.status == 200 && wrong.status == 404)
            // And DX's screens show no code for it: none derived, the legacy one left out of the history
            try await district.sync(district.dx)
            let detail = try district.dx.detail(of: "WS-26-0001")
            #expect(detail.queryCode == nil)
            guard case .created(let intake) = detail.events.first?.payload else { Issue.record("no created event"); return }
            #expect(intake.queryCode == nil)
            // (The caveat docs/evaluation.md states: the signed legacy event itself, with its code, is in DX's file.)
            #expect(try district.replicaBytes("dx").range(of: Data("ABC234".utf8)) != nil)
        }
    }

    @Test func aOnePointFourPushCarryingAQueryCodeIsRefusedWhole() async throws {
        try await withDistrict { district in
            // Given a created event that carries a query code, in a push of protocol 1.4
            var harness = TicketHarness(code: "WS-26-0001")
            try harness.intake(Fixtures.complaint(source: .online), on: "WS", at: Fixtures.cst("2026-10-19 09:00"),
                               legacyQueryCode: "ABC234")
            let push = try district.hub.push(harness.allEvents, from: "WS")
            let before = try district.hub.counts()

            // When it is pushed
            let answer = try await district.client.send("POST", "/api/v1/sync/push", token: district.hub.tokens["WS"]!,
                                                        protocolHeader: "1.4", body: try GongdanJSON.encoder().encode(push))

            // Then it is refused as a rule violation, and nothing is stored
            #expect(answer.status == 422)
            let error = try district.client.error(answer.body)
            #expect(error.code == .ruleViolation && error.message.contains("queryCode"))
            #expect(try district.hub.counts() == before)
        }
    }
}
