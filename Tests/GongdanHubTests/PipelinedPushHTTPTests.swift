import Foundation
import Testing
import GongdanCore
import GongdanHub
import GongdanNode
import GongdanSync
import GongdanTesting
@testable import GongdanStore

/// A node keeps three pushes in flight against a real hub on 127.0.0.1 (``PushPipeline``): the hub
/// stores them in seq order, each once, answers before folding, and folds before anyone reads.
@Suite("Pushes in flight over HTTP", .timeLimit(.minutes(1)))
struct PipelinedPushHTTPTests {
    @Test("a workstation pushing forty batches of four keeps three in flight; the hub stores each event once, in order, and a township pulls its tickets")
    func manyBatchesInFlight() async throws {
        // Given a hub taking at most four events a push, and a workstation with 80 events to send
        let directory = try TemporaryDirectory("gongdan-pipeline")
        defer { directory.remove() }
        let now = Fixtures.cst("2026-10-12 09:00")
        var limits = SyncLimits()
        limits.maxPushEvents = 4
        let hub = try HubStore(path: directory.path("hub.sqlite"), limits: limits)
        try hub.initialize(district: "港南区", at: now)
        let (_, wsToken) = try hub.registerNode(code: "WS", role: .workstation, name: "港南区工作站", at: now)
        let (_, dxToken) = try hub.registerNode(code: "DX", role: .township, name: "东兴镇", at: now)
        let ws = NodeService(store: try ReplicaStore(path: directory.path("ws.sqlite")), person: "王工作站", now: { now })
        _ = try ws.initialize(role: .workstation, code: "WS", name: "港南区工作站")
        _ = try ws.addUnit(code: "DX", name: "东兴镇", kind: .township)
        for number in 1...40 {
            let ticket = try ws.createTicket(IntakeRequest(
                category: .complaint, source: .window, entity: BusinessEntity(name: "港南区第\(number)号餐馆"),
                summary: "门店前道路施工影响经营，第\(number)次反映", detail: "施工围挡占用门前通道。"))
            _ = try ws.perform(.dispatch(lead: "DX", co: []), on: ticket.code)
        }
        let dx = NodeService(store: try ReplicaStore(path: directory.path("dx.sqlite")), person: "李镇", now: { now })
        _ = try dx.initialize(role: .township, code: "DX", name: "东兴镇")

        let app = HubApplication(store: hub, host: "127.0.0.1", port: 0, now: { now })
        try await app.withRunningServer { port in
            let base = URL(string: "http://127.0.0.1:\(port)")!
            // When the workstation syncs
            let report = try await SyncSession(store: ws.store, transport: HTTPSyncTransport(baseURL: base, token: wsToken),
                                               software: "test", now: { now }).run()

            // Then all 80 events are stored once, gapless, chains and signed heads sound
            #expect(report.pushed == 80 && report.duplicates == 0 && report.hubHas == 80)
            #expect(try ws.store.syncSettings().hubHas == 80)
            let counts = try await hub.db.read { db in
                try (Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0,
                     Int.fetchOne(db, sql: "SELECT count(DISTINCT seq) FROM events WHERE origin = 'WS' AND seq BETWEEN 1 AND 80") ?? 0)
            }
            #expect(counts.0 == 80 && counts.1 == 80)
            #expect(try hub.verify() == [])

            // And the township's pull gets its forty tickets, folded (its scope at the hub comes from the fold)
            let pulled = try await SyncSession(store: dx.store, transport: HTTPSyncTransport(baseURL: base, token: dxToken),
                                               software: "test", now: { now }).run()
            #expect(pulled.pulled == 80)
            #expect(try dx.store.tickets(matching: TicketFilter()).total == 40)
            #expect(try hub.projectionBacklog() == 0)

            // And a second sync sends nothing
            let again = try await SyncSession(store: ws.store, transport: HTTPSyncTransport(baseURL: base, token: wsToken),
                                              software: "test", now: { now }).run()
            #expect(again.pushed == 0 && again.duplicates == 0)
        }
    }
}
