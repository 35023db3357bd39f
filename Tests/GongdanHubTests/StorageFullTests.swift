import Foundation
import GRDB
import Testing
import GongdanCore
import GongdanHub
import GongdanNode
import GongdanSync
import GongdanTesting
@testable import GongdanStore

/// A full disk during a sync, at the hub and at the node: SQLite answers `SQLITE_FULL` once a file
/// would grow past `PRAGMA max_page_count`, set here on the writing connection as a full disk would.
@Suite("A full disk during a sync", .serialized, .timeLimit(.minutes(1)))
struct StorageFullTests {
    /// A hub, the workstation WS and township DX, each with its credential.
    struct District {
        let directory: TemporaryDirectory
        let hub: HubStore
        let ws: NodeService
        let dx: NodeService
        let tokens: [String: String]
        let now = Fixtures.cst("2026-10-12 09:00")

        init() throws {
            directory = try TemporaryDirectory("gongdan-full")
            let now = now
            hub = try HubStore(path: directory.path("hub.sqlite"))
            try hub.initialize(district: "港南区", at: now)
            let (_, wsToken) = try hub.registerNode(code: "WS", role: .workstation, name: "港南区工作站", at: now)
            let (_, dxToken) = try hub.registerNode(code: "DX", role: .township, name: "东兴镇", at: now)
            tokens = ["WS": wsToken, "DX": dxToken]
            ws = NodeService(store: try ReplicaStore(path: directory.path("ws.sqlite")), person: "王工作站", now: { now })
            _ = try ws.initialize(role: .workstation, code: "WS", name: "港南区工作站")
            _ = try ws.addUnit(code: "DX", name: "东兴镇", kind: .township)
            dx = NodeService(store: try ReplicaStore(path: directory.path("dx.sqlite")), person: "李镇", now: { now })
            _ = try dx.initialize(role: .township, code: "DX", name: "东兴镇")
        }

        /// `count` hotline-free walk-in tickets at the workstation, each dispatched to DX when asked.
        func makeTickets(_ count: Int, from first: Int, dispatch: Bool) throws {
            for number in first..<(first + count) {
                let ticket = try ws.createTicket(IntakeRequest(
                    category: .complaint, source: .window, entity: BusinessEntity(name: "港南区第\(number)号餐馆"),
                    summary: "门店前道路施工影响经营，第\(number)次反映", detail: String(repeating: "施工围挡占用门前通道。", count: 20)))
                if dispatch { _ = try ws.perform(.dispatch(lead: "DX", co: []), on: ticket.code) }
            }
        }

        func session(_ node: NodeService, _ transport: any SyncTransport) -> SyncSession {
            let now = now
            return SyncSession(store: node.store, transport: transport, software: "test", now: { now })
        }

        func direct(_ code: String) -> DirectSyncTransport {
            let now = now
            return DirectSyncTransport(hub: hub, token: tokens[code]!, now: { now })
        }

        /// Rows of the hub tables a push writes.
        func hubCounts() throws -> [String: Int] {
            try HubFixture.counts(of: hub)
        }
    }

    /// Lets the database on `queue`'s connection grow by at most `extraPages` pages (nil: no limit).
    static func limitGrowth(of queue: DatabaseQueue, to extraPages: Int?) throws {
        try queue.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(extraPages.map { pages + $0 } ?? 1_073_741_823)")
        }
    }

    @Test("the hub's disk full during a push: 503 storage_failure, nothing stored, the node keeps its events; the next sync after space returns succeeds")
    func hubFullDuringPush() async throws {
        // Given a workstation whose first tickets reached the hub over HTTP, and 80 more made since
        let district = try District()
        defer { district.directory.remove() }
        let now = district.now
        let app = HubApplication(store: district.hub, host: "127.0.0.1", port: 0, now: { now })
        try await app.withRunningServer { port in
            let http = HTTPSyncTransport(baseURL: URL(string: "http://127.0.0.1:\(port)")!, token: district.tokens["WS"]!)
            try district.makeTickets(3, from: 1, dispatch: false)
            _ = try await district.session(district.ws, http).run()
            try district.makeTickets(80, from: 4, dispatch: false)
            let before = try district.hubCounts()
            let made = try district.ws.store.lastSeq()

            // When the hub's disk is full as the node pushes
            try Self.limitGrowth(of: district.hub.db, to: 0)
            let error = try await #require(throws: SyncClientError.self) { try await district.session(district.ws, http).run() }

            // Then the refusal is 503 storage_failure, saying nothing was stored and to retry
            guard case .refused(let refusal) = error else { Issue.record("expected a refusal, got \(error)"); return }
            #expect(refusal.code == .storage && refusal.code.httpStatus == 503)
            #expect(refusal.message.contains("nothing was stored") && refusal.message.contains("retry"))
            // and the hub holds what it held, the node every event it made, still unsent
            #expect(try district.hubCounts() == before)
            #expect(try district.hub.verify() == [])
            #expect(try district.ws.store.lastSeq() == made)
            #expect(try district.ws.store.syncSettings().unsent == made - 3)
            #expect(try district.ws.store.syncSettings().lastError?.contains("storage_failure") == true)

            // When space returns, the next sync pushes everything
            try Self.limitGrowth(of: district.hub.db, to: nil)
            let report = try await district.session(district.ws, http).run()
            #expect(report.pushed == Int(made) - 3 && report.hubHas == made)
            #expect(try district.hubCounts()["events"] == Int(made))
            #expect(try district.hub.verify() == [])
        }
    }

    @Test("the node's disk full while it applies a pull page: a storage-full error, cursor and replica unchanged; the next sync completes")
    func nodeFullDuringPull() async throws {
        // Given 40 tickets dispatched to DX at the hub
        let district = try District()
        defer { district.directory.remove() }
        try district.makeTickets(40, from: 1, dispatch: true)
        _ = try await district.session(district.ws, district.direct("WS")).run()
        let before = try district.dx.store.statistics(at: district.now)

        // When DX pulls with its disk full
        try Self.limitGrowth(of: district.dx.store.db, to: 0)
        let error = try await #require(throws: StoreError.self) { try await district.session(district.dx, district.direct("DX")).run() }

        // Then the error says the disk is full and nothing was stored
        #expect(error == .storageFull(path: district.dx.store.path))
        #expect(error.description.contains("is full") && error.description.contains("did not move"))
        // and DX's cursor and replica are as they were
        #expect(try district.dx.store.syncSettings().cursor == 0)
        #expect(try district.dx.store.statistics(at: district.now) == before)
        #expect(try district.dx.store.integrityProblems().isEmpty)

        // When space returns, the next sync completes: DX holds its 40 tickets and the cursor moved
        try Self.limitGrowth(of: district.dx.store.db, to: nil)
        let report = try await district.session(district.dx, district.direct("DX")).run()
        #expect(report.pulled == 80 && report.cursor > 0)
        #expect(try district.dx.store.statistics(at: district.now).tickets == 40)
        #expect(try district.dx.store.integrityProblems().isEmpty)
    }
}
