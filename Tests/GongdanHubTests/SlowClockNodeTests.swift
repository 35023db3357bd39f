import Foundation
import GongdanCore
import GongdanNode
import GongdanSync
import GongdanTesting
import Testing
@testable import GongdanStore

/// An honest node whose PC clock is days behind the hub's still syncs: it moves its hybrid clock past
/// the hub's at every state answer (`ReplicaStore.observeHubClock`), so its events never fall below the
/// clock floor the hub records for it (`docs/clocks.md`).
@Suite("A node with a slow clock", .timeLimit(.minutes(2)))
struct SlowClockNodeTests {
    @Test("a township whose clock is three days behind the hub's signs after a sync, and its sign is accepted at the next")
    func slowClockStillMovesForward() async throws {
        // Given a ticket the workstation dispatched to DX on Mon 19 Oct, a hub whose clock reads Tue 20 Oct
        // 09:00 when DX syncs, and DX's PC three days behind (the events it pulls are a day older than
        // the hub's clock it reads)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hubTime = Fixtures.cst("2026-10-20 09:00")
        let wsTime = hubTime.addingTimeInterval(-86_400)
        let dxTime = hubTime.addingTimeInterval(-3 * 86_400)
        let hub = try HubStore(path: directory.path("hub.sqlite"))
        try hub.initialize(district: "港南区", at: wsTime)
        let (_, wsToken) = try hub.registerNode(code: "WS", role: .workstation, name: "港南区工作站", at: wsTime)
        let (_, dxToken) = try hub.registerNode(code: "DX", role: .township, name: "东兴镇", at: wsTime)
        let ws = NodeService(store: try ReplicaStore(path: directory.path("ws.sqlite")), person: "王工作站", now: { wsTime })
        _ = try ws.initialize(role: .workstation, code: "WS", name: "港南区工作站")
        _ = try ws.addUnit(code: "DX", name: "东兴镇", kind: .township)
        let dx = NodeService(store: try ReplicaStore(path: directory.path("dx.sqlite")), person: "李镇", now: { dxTime })
        _ = try dx.initialize(role: .township, code: "DX", name: "东兴镇")
        let wsSync = SyncSession(store: ws.store, transport: DirectSyncTransport(hub: hub, token: wsToken, now: { wsTime }),
                                 software: "test", now: { wsTime })
        let dxSync = SyncSession(store: dx.store, transport: DirectSyncTransport(hub: hub, token: dxToken, now: { hubTime }),
                                 software: "test", now: { dxTime })
        let ticket = try ws.createTicket(IntakeRequest(category: .complaint, source: .window,
                                                       entity: BusinessEntity(name: "港南区好味餐馆"), summary: "门店前道路施工影响经营"))
        _ = try ws.perform(.dispatch(lead: "DX", co: []), on: ticket.code)
        _ = try await wsSync.run()

        // When DX syncs (reading the hub's clock), signs on its slow clock, and syncs again
        let first = try await dxSync.run()
        #expect(first.pulled == 2 && first.clockOffset < -86_400)
        #expect(try dx.store.hybridClock() >= HybridTimestamp(hubTime))
        let floor = try await hub.db.read { db in try HubStore.clockFloor(db, node: "DX") }
        #expect(floor.lowest(forSeq: 1)?.hlc == HybridTimestamp(hubTime), "DX's sync recorded its floor")
        let (sign, _) = try dx.perform(.sign, on: ticket.code)
        let second = try await dxSync.run()

        // Then the sign was stamped after the hub's clock DX had read (not merely after the dispatch it
        // pulled), and the hub took it
        #expect(sign.hlc >= HybridTimestamp(hubTime), "stamped \(sign.hlc.date)")
        #expect(second.pushed == 1 && second.hubHas == 1)
        #expect(try hub.verify().isEmpty)
    }
}
