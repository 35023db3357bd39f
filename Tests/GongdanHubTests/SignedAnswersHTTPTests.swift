import Foundation
import Testing
import GongdanCore
import GongdanHub
import GongdanNode
import GongdanSync
import GongdanTesting
@testable import GongdanStore

/// Issue 12, "nodes verify what they receive": a real hub on 127.0.0.1 and real replicas, with a man in
/// the middle (``InterceptingProxy``) between them. The hub signs every answer (protocol 1.6); a node
/// that pinned the hub's key stores nothing from an answer it did not sign. Over HTTPS the man in the
/// middle reads nothing at all.
@Suite("Signed answers and a man in the middle", .timeLimit(.minutes(2)))
struct SignedAnswersHTTPTests {
    /// A hub with the workstation's ticket dispatched to township DX, and DX's empty replica.
    struct District {
        let directory: TemporaryDirectory
        let hub: HubStore
        let ws: NodeService
        let dx: NodeService
        let wsToken: String
        let dxToken: String
        let now = Fixtures.cst("2026-10-12 09:00")

        init() throws {
            directory = try TemporaryDirectory("gongdan-signed")
            let now = now
            hub = try HubStore(path: directory.path("hub.sqlite"))
            try hub.initialize(district: "港南区", at: now)
            wsToken = try hub.registerNode(code: "WS", role: .workstation, name: "港南区工作站", at: now).token
            dxToken = try hub.registerNode(code: "DX", role: .township, name: "东兴镇", at: now).token
            ws = NodeService(store: try ReplicaStore(path: directory.path("ws.sqlite")), person: "王工作站", now: { now })
            _ = try ws.initialize(role: .workstation, code: "WS", name: "港南区工作站")
            _ = try ws.addUnit(code: "DX", name: "东兴镇", kind: .township)
            let ticket = try ws.createTicket(IntakeRequest(category: .complaint, source: .window,
                                                           entity: BusinessEntity(name: "港南区好味餐馆"),
                                                           summary: "门店前道路施工影响经营"))
            _ = try ws.perform(.dispatch(lead: "DX", co: []), on: ticket.code)
            dx = NodeService(store: try ReplicaStore(path: directory.path("dx.sqlite")), person: "李镇", now: { now })
            _ = try dx.initialize(role: .township, code: "DX", name: "东兴镇")
        }

        /// One sync of `node` through `url`, with the hub key its replica pinned, if any.
        func sync(_ node: NodeService, token: String, url: String, hubCA: PinnedHubCA? = nil) async throws -> SyncReport {
            let pinned = try node.store.syncSettings().hubKey.map { PinnedHubKey(publicKey: $0, node: try node.store.requireIdentity().code) }
            let transport = HTTPSyncTransport(baseURL: URL(string: url)!, token: token, hubCA: hubCA, hubKey: pinned, timeout: 10)
            let now = now
            return try await SyncSession(store: node.store, transport: transport, software: "test", now: { now }).run()
        }

        var hubKey: String { get throws { try hub.requireInfo().publicKey } }
    }

    @Test("a node pins the hub's key at its first sync, and its later syncs check every answer against it")
    func pinsAtFirstContact() async throws {
        let district = try District()
        defer { district.directory.remove() }
        let app = HubApplication(store: district.hub, port: 0, now: { [now = district.now] in now })
        try await app.withRunningServer { port in
            // When the workstation first syncs, it pins the key the hub's state answer names
            let first = try await district.sync(district.ws, token: district.wsToken, url: "http://127.0.0.1:\(port)")
            #expect(first.pushed == 2)
            #expect(try district.ws.store.syncSettings().hubKey == district.hubKey)
            #expect(first.hubKeyPinned == NodeSigningKey.fingerprint(ofPublicKey: try district.hubKey))
            // Then its next sync verifies every answer (state, push, pull) and pins nothing new
            _ = try district.ws.createTicket(IntakeRequest(category: .help, source: .window,
                                                           entity: BusinessEntity(name: "港南区五金店"), summary: "营业执照变更咨询"))
            let second = try await district.sync(district.ws, token: district.wsToken, url: "http://127.0.0.1:\(port)")
            #expect(second.pushed == 1 && second.hubKeyPinned == nil)
        }
    }

    @Test("a man in the middle who alters a pull answer, strips its signature or answers with another key gets nothing stored")
    func alteredAnswersRefused() async throws {
        let district = try District()
        defer { district.directory.remove() }
        let app = HubApplication(store: district.hub, port: 0, now: { [now = district.now] in now })
        try await app.withRunningServer { port in
            _ = try await district.sync(district.ws, token: district.wsToken, url: "http://127.0.0.1:\(port)")
            // Given DX pinned the hub's key (`init --hub-key`)
            try district.dx.store.setRemote(hubURL: "http://127.0.0.1:\(port)", token: district.dxToken, hubKey: try district.hubKey)
            let before = try district.dx.store.syncSettings()

            // When a proxy rewrites the ticket's summary in the pull answer (same length: the HTTP message stays valid)
            let altering = try InterceptingProxy(targetPort: port) { $0.replacing("道路施工", with: "拆除违建") }
            defer { altering.stop() }
            await #expect {
                _ = try await district.sync(district.dx, token: district.dxToken, url: "http://127.0.0.1:\(altering.port)")
            } throws: { error in
                guard case .answerNotSigned(_, let fingerprint) = error as? SyncClientError else { return false }
                return fingerprint == NodeSigningKey.fingerprint(ofPublicKey: try! district.hubKey)
            }
            #expect(String(decoding: altering.captured, as: UTF8.self).contains("道路施工"), "the proxy saw the answer it altered")
            // Then DX stored no ticket and its cursor did not move
            #expect(try district.dx.store.tickets(matching: TicketFilter()).total == 0)
            #expect(try district.dx.store.syncSettings().cursor == before.cursor)

            // When a proxy strips the signature header instead (renames it), the answer is refused as well
            let stripping = try InterceptingProxy(targetPort: port) { $0.replacing("Gongdan-Signature", with: "Gongdan-Signaturx") }
            defer { stripping.stop() }
            await #expect(throws: SyncClientError.self) {
                _ = try await district.sync(district.dx, token: district.dxToken, url: "http://127.0.0.1:\(stripping.port)")
            }
            #expect(try district.dx.store.tickets(matching: TicketFilter()).total == 0)

            // When the node pinned another key (another server answers as the hub), nothing is stored either
            let other = NodeSigningKey().publicKey
            try await district.dx.store.db.write { db in try db.execute(sql: "UPDATE sync_state SET hub_key = ?", arguments: [other]) }
            await #expect(throws: SyncClientError.self) {
                _ = try await district.sync(district.dx, token: district.dxToken, url: "http://127.0.0.1:\(port)")
            }
            #expect(try district.dx.store.tickets(matching: TicketFilter()).total == 0)

            // And straight to the hub, with the right key, DX gets its ticket as the workstation wrote it
            try await district.dx.store.db.write { db in try db.execute(sql: "UPDATE sync_state SET hub_key = ?", arguments: [try district.hubKey]) }
            let report = try await district.sync(district.dx, token: district.dxToken, url: "http://127.0.0.1:\(port)")
            #expect(report.pulled == 2)
            #expect(report.changes == [TicketChange(code: "WS-26-0001", before: nil, after: .pendingSign)])
            #expect(try district.dx.store.ticket("WS-26-0001")?.intake.summary == "门店前道路施工影响经营")
        }
    }

    @Test("over HTTPS a man in the middle sees no token, no personal data and no ticket, and the sync goes through")
    func capturedTrafficIsUnreadable() async throws {
        let district = try District()
        defer { district.directory.remove() }
        let made = try DistrictCA.make(district: "港南区", hosts: [], now: Date())
        try made.write(to: district.directory.path("tls"))
        let files = try HubTLSFiles(certificatePath: district.directory.path("tls/hub.pem"), keyPath: district.directory.path("tls/hub-key.pem"))
        let ca = try PinnedHubCA(pem: made.caCertificatePEM)
        let app = HubApplication(store: district.hub, port: 0, now: { [now = district.now] in now }, tls: files.configuration)
        try await app.withRunningServer { port in
            // When the workstation and DX sync through a recording proxy over HTTPS
            let proxy = try InterceptingProxy(targetPort: port)
            defer { proxy.stop() }
            let url = "https://127.0.0.1:\(proxy.port)"
            let pushed = try await district.sync(district.ws, token: district.wsToken, url: url, hubCA: ca)
            let pulled = try await district.sync(district.dx, token: district.dxToken, url: url, hubCA: ca)
            #expect(pushed.pushed == 2 && pulled.pulled == 2)

            // Then the proxy carried the exchange but can read none of it
            let captured = proxy.captured
            #expect(captured.count > 2_000)
            for secret in [district.wsToken, district.dxToken, "Bearer", "门店前道路施工", "港南区好味餐馆", "/api/v1/sync"] {
                #expect(captured.range(of: Data(secret.utf8)) == nil, "\(secret) crossed the wire readable")
            }
        }
        // While the same exchange in plain HTTP shows the token to the proxy (the check above can fail)
        let plain = HubApplication(store: district.hub, port: 0, now: { [now = district.now] in now })
        try await plain.withRunningServer { port in
            let proxy = try InterceptingProxy(targetPort: port)
            defer { proxy.stop() }
            _ = try await district.sync(district.dx, token: district.dxToken, url: "http://127.0.0.1:\(proxy.port)")
            #expect(proxy.captured.range(of: Data(district.dxToken.utf8)) != nil)
        }
    }
}
