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

/// `POST /api/v1/intake` on the real server (127.0.0.1, port 0, in-process): the 12345 platform's
/// items become `HUB` tickets, once per order, with the platform's own credential only.
@Suite("12345 hotline intake over HTTP", .timeLimit(.minutes(1)))
struct HubIntakeTests {
    typealias Client = HubHTTPTests.Client

    /// A hub with its nodes registered and the hotline platform's token issued.
    func withHub(_ body: (HubFixture, Client, String) async throws -> Void) async throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        let token = try hub.store.issueIntakeToken(at: Fixtures.cst("2026-09-01 10:00"))
        let now = hub.now
        let app = HubApplication(store: hub.store, host: "127.0.0.1", port: 0, now: { now })
        let session = URLSession(configuration: .ephemeral)
        try await app.withRunningServer { port in
            try await body(hub, Client(base: URL(string: "http://127.0.0.1:\(port)")!, session: session), token)
        }
    }

    /// A complaint the hotline received half an hour before the hub's clock (2026-10-20 09:00 CST).
    static func item(order: String = "GX12345-20261020-0001", summary: String = "门店前道路施工三个月未完工，影响经营",
                     category: String = "complaint", creditCode: String? = "91350100M000100Y43",
                     receivedAt: Date = Fixtures.cst("2026-10-20 08:30")) -> HotlineItem {
        HotlineItem(orderNumber: order, receivedAt: receivedAt, category: category,
                    entity: .init(name: "港南区好味餐馆", creditCode: creditCode, contact: "黄老板", phone: "0775-4331430"),
                    summary: summary, detail: "施工围挡遮挡店面，顾客无法进店。")
    }

    static func body(_ item: HotlineItem) throws -> Data { try GongdanJSON.encoder().encode(item) }

    static func answer(_ data: Data) throws -> HotlineIntakeResponse {
        try GongdanJSON.decoder().decode(HotlineIntakeResponse.self, from: data)
    }

    @Test func aHotlineItemBecomesAHubTicketOnceAndTheSameOrderAgainAnswersExisting() async throws {
        try await withHub { hub, client, token in
            // When the platform posts a new order
            let first = try await client.send("POST", "/api/v1/intake", token: token, body: try Self.body(Self.item()))

            // Then the hub took it in as its own ticket HUB-26-0001
            #expect(first.status == 200)
            let created = try Self.answer(first.body)
            #expect(created.ticket == "HUB-26-0001" && created.result == "created" && created.protocol == .current)
            let events = try await hub.store.db.read { db in try ReplicaStore.events(db, ticket: "HUB-26-0001") }
            #expect(events.count == 1)
            let event = try #require(events.first)
            #expect(event.id == EventID(origin: "HUB", seq: 1))
            #expect(event.actor == Actor(node: "HUB", role: .workstation, unit: nil, person: HubStore.hotlinePerson))
            guard case .created(let intake) = event.payload else {
                Issue.record("the hub's event is \(event.payload.type), not created")
                return
            }
            #expect(intake.source == .hotline && intake.category == .complaint)
            #expect(intake.hotlineOrder == "GX12345-20261020-0001")
            #expect(intake.hotlineReceivedAt == Fixtures.cst("2026-10-20 08:30"))
            // 1 working day from Tuesday 20 October: the end of Wednesday 21 October, CST.
            #expect(intake.intakeDeadline == Fixtures.cst("2026-10-22 00:00"))
            let status = try await hub.store.db.read { db in
                try String.fetchOne(db, sql: "SELECT status FROM tickets WHERE code = 'HUB-26-0001'")
            }
            #expect(status == TicketStatus.pendingDispatch.rawValue)

            // When the same order comes again, even with other content
            let counts = try hub.counts()
            let again = try await client.send("POST", "/api/v1/intake", token: token,
                                              body: try Self.body(Self.item(summary: "另一个说法", category: "help")))

            // Then it answers the existing ticket and stores nothing
            #expect(again.status == 200)
            let existing = try Self.answer(again.body)
            #expect(existing.ticket == "HUB-26-0001" && existing.result == "existing")
            #expect(try hub.counts() == counts)

            // And a second order gets the next number; the hub's history stays sound
            let second = try await client.send("POST", "/api/v1/intake", token: token,
                                               body: try Self.body(Self.item(order: "GX12345-20261020-0002", creditCode: nil)))
            #expect(try Self.answer(second.body).ticket == "HUB-26-0002")
            #expect(try hub.store.verify() == [])
        }
    }

    @Test func nodeTokensAreRefusedOnIntakeAndTheIntakeTokenOnSync() async throws {
        try await withHub { hub, client, token in
            let body = try Self.body(Self.item())

            // A node's sync credential does not take in hotline items
            let node = try await client.send("POST", "/api/v1/intake", token: hub.tokens["WS"]!, body: body)
            #expect(node.status == 403)
            let nodeError = try client.error(node.body)
            #expect(nodeError.code == .roleForbidden && nodeError.message.contains("gongdan hub intake-token"))

            // The intake token does not sync
            for path in ["/api/v1/sync/state", "/api/v1/sync/pull?after=0"] {
                let sync = try await client.send("GET", path, token: token)
                #expect(sync.status == 403)
                let syncError = try client.error(sync.body)
                #expect(syncError.code == .roleForbidden && syncError.message.contains("POST /api/v1/intake"))
            }

            // No token, an unknown one, or no protocol header
            #expect(try await client.send("POST", "/api/v1/intake", token: nil, body: body).status == 401)
            #expect(try client.error(try await client.send("POST", "/api/v1/intake", token: "nope", body: body).body).code == .unauthorized)
            #expect(try await client.send("POST", "/api/v1/intake", token: token, protocolHeader: nil, body: body).status == 426)

            // A new token replaces the old one
            let renewed = try hub.store.issueIntakeToken(at: hub.now)
            #expect(try await client.send("POST", "/api/v1/intake", token: token, body: body).status == 401)
            #expect(try await client.send("POST", "/api/v1/intake", token: renewed, body: body).status == 200)

            // Nothing was stored by the refusals: the one accepted post made one event
            #expect(try hub.counts()["events"] == 1)
        }
    }

    @Test func fieldsWithControlCharactersABadOrderNumberOrAnImplausibleReceiptAreRefusedNamingTheField() async throws {
        try await withHub { hub, client, token in
            let before = try hub.counts()
            let cases: [(String, HotlineItem, String)] = [
                ("NUL in the summary", Self.item(summary: "门店\u{0}施工"), "summary"),
                ("ESC in the entity's name", HotlineItem(orderNumber: "GX-ESC", receivedAt: Fixtures.cst("2026-10-20 08:30"), category: "help",
                                                        entity: .init(name: "某店\u{1B}[2J"), summary: "事项"), "entity.name"),
                ("a newline in the order number", Self.item(order: "GX-1\nGX-2"), "orderNumber"),
                ("a slash in the order number", Self.item(order: "GX/2026/1"), "orderNumber"),
                ("an order number of 65 characters", Self.item(order: String(repeating: "9", count: 65)), "orderNumber"),
                ("received in 1999", Self.item(receivedAt: Fixtures.cst("1999-10-20 08:30")), "receivedAt"),
                ("received 31 days ago", Self.item(receivedAt: Fixtures.cst("2026-09-19 08:30")), "receivedAt"),
                ("received 10 minutes ahead of the hub", Self.item(receivedAt: Fixtures.cst("2026-10-20 09:10")), "receivedAt"),
            ]
            for (name, item, field) in cases {
                let refused = try await client.send("POST", "/api/v1/intake", token: token, body: try Self.body(item))
                #expect(refused.status == 400, "\(name)")
                let error = try client.error(refused.body)
                // Then the refusal names the field, in Chinese and in English, and says what to do
                #expect(error.code == .malformed, "\(name)")
                let says = error.message.contains("send the item again") || error.message.contains("ticket new --hotline-received-at")
                #expect(error.message.hasPrefix(field) && error.message.contains("请") && says, "\(name): \(error.message)")
            }
            // A receipt in year 0011 (as the platform once sent) is refused the same way
            let ancient = try await client.send("POST", "/api/v1/intake", token: token, body: Data(#"""
                {"protocol":"1.0","orderNumber":"GX-11","receivedAt":"0011-10-20T00:30:00Z","category":"help","entity":{"name":"某店"},"summary":"s"}
                """#.utf8))
            let ancientError = try client.error(ancient.body)
            #expect(ancient.status == 400 && ancientError.message.contains("receivedAt"))
            // And nothing was stored
            #expect(try hub.counts() == before)

            // While line breaks in the detail, a receipt 29 days old and one 4 minutes ahead are taken in
            var multiline = Self.item(order: "GX_2026-A1", receivedAt: Fixtures.cst("2026-09-21 09:30"))
            multiline.detail = "第一段\n第二段\t附表"
            let taken = try await client.send("POST", "/api/v1/intake", token: token, body: try Self.body(multiline))
            #expect(taken.status == 200)
            let ahead = try await client.send("POST", "/api/v1/intake", token: token,
                                              body: try Self.body(Self.item(order: "GX-AHEAD", receivedAt: Fixtures.cst("2026-10-20 09:04"))))
            #expect(ahead.status == 200)
        }
    }

    @Test func aMalformedItemIsRefusedWithTheReasonAndNothingIsStored() async throws {
        try await withHub { hub, client, token in
            let before = try hub.counts()
            let cases: [(String, HotlineItem, String)] = [
                ("empty summary", Self.item(summary: "  "), "summary"),
                ("bad credit code", Self.item(creditCode: "91350100M000100Y45"), "check character"),
                ("received in the future", Self.item(receivedAt: Fixtures.cst("2026-10-21 09:00")), "in the future"),
                ("unknown category", Self.item(category: "inquiry"), "consult, help, suggestion, complaint, report"),
                ("empty order number", Self.item(order: " "), "orderNumber"),
            ]
            for (name, item, mentions) in cases {
                let refused = try await client.send("POST", "/api/v1/intake", token: token, body: try Self.body(item))
                #expect(refused.status == 400, "\(name)")
                let error = try client.error(refused.body)
                #expect(error.code == .malformed, "\(name)")
                #expect(error.message.contains(mentions), "\(name): \(error.message)")
            }
            let noProtocol = try await client.send("POST", "/api/v1/intake", token: token, body: Data(#"""
                {"orderNumber":"X","receivedAt":"2026-10-20T00:30:00Z","category":"help","entity":{"name":"某店"},"summary":"s"}
                """#.utf8))
            #expect(noProtocol.status == 400)
            #expect(try client.error(noProtocol.body).message.contains("protocol"))

            // Nothing stored, and the hub's counter did not move: the next good item is HUB-26-0001
            #expect(try hub.counts() == before)
            let good = try await client.send("POST", "/api/v1/intake", token: token, body: try Self.body(Self.item()))
            #expect(try Self.answer(good.body).ticket == "HUB-26-0001")
        }
    }

    @Test func theWorkstationPullsTheHubTicketWithItsSignedHeadAndDispatchesIt() async throws {
        try await withHub { hub, client, token in
            // Given a hotline item the hub took in
            let posted = try await client.send("POST", "/api/v1/intake", token: token, body: try Self.body(Self.item()))
            #expect(try Self.answer(posted.body).ticket == "HUB-26-0001")

            // When the workstation pulls its feed
            let pulled = try await client.send("GET", "/api/v1/sync/pull?after=0", token: hub.tokens["WS"]!)
            let page = try GongdanJSON.decoder().decode(PullResponse.self, from: pulled.body)

            // Then it holds the HUB event with a head signed by the hub's key
            #expect(page.events.map(\.id.description) == ["HUB#1"])
            let head = try #require(page.heads.first { $0.origin == "HUB" })
            #expect(head.seq == 1 && head.hash == EventChain.hash(bytes: page.events[0].canonicalJSON()))
            #expect(NodeSigningKey.verify(head, publicKey: try hub.store.requireInfo().publicKey))

            // When a workstation replica syncs for real and dispatches the ticket to DX
            let directory = try TemporaryDirectory("gongdan-intake-ws")
            defer { directory.remove() }
            let now = hub.now
            let replica = try ReplicaStore(path: directory.path("ws.sqlite"))
            let service = NodeService(store: replica, person: "王工作站", now: { now })
            try service.initialize(role: .workstation, code: "WS", name: "区工作站")
            let transport = HTTPSyncTransport(baseURL: client.base, token: hub.tokens["WS"]!)
            let session = SyncSession(store: replica, transport: transport, software: "test", now: { now })
            #expect(try await session.run().pulled == 1)
            let ticket = try #require(try replica.ticket("HUB-26-0001"))
            #expect(ticket.status == .pendingDispatch && ticket.intake.hotlineOrder == "GX12345-20261020-0001")
            try service.perform(.dispatch(lead: "DX", co: []), on: "HUB-26-0001")
            #expect(try await session.run().pushed == 1)

            // Then DX receives the whole ticket, the hub's history is sound, and a re-import of the
            // same order on the workstation finds it taken in
            let dx = try hub.pullAll("DX")
            #expect(dx.events.map(\.id.description) == ["HUB#1", "WS#1"])
            #expect(try hub.store.verify() == [])
            let report = try service.importHotline(csv: """
                order_number,received_at,category,entity,credit_code,contact,phone,summary,detail
                GX12345-20261020-0001,2026-10-20 08:30,投诉,港南区好味餐馆,,,,门店前道路施工,
                """)
            #expect(report.created.isEmpty && report.existing.map(\.ticket) == ["HUB-26-0001"])
        }
    }
}
