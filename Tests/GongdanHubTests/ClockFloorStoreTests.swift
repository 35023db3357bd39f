import Foundation
import GongdanCore
import GongdanSync
import GongdanTesting
import Testing
@testable import GongdanStore

/// Where the hub learns a node's clock floor (`sync-protocol/README.md` §5.3.2): from a pull that
/// follows a state answer, never from a bundle's pull, never above the seq the hub holds.
@Suite("Clock floors at the hub")
struct ClockFloorStoreTests {
    static func floor(_ hub: HubFixture, _ node: String) throws -> ClockFloor {
        try hub.store.db.read { db in try HubStore.clockFloor(db, node: node) }
    }

    @Test("a pull after a state answer records the answered clock, after the lower of the reported seq and the seq the hub holds")
    func pullAfterStateRecordsFloor() throws {
        // Given DX holding one event at the hub, and its state answer at the fixture's time (whole seconds)
        let hub = try HubFixture.withSignedTicket()
        defer { hub.remove() }
        let answered = hub.now.addingTimeInterval(0.75)
        _ = try hub.store.syncState(for: try hub.node("DX"), now: answered, reportedLastSeq: 3)

        // When DX pulls reporting last seq 3 (two events not yet pushed)
        _ = try hub.store.pull(for: try hub.node("DX"), after: 0, limit: 100, clockRead: HubStore.ClockRead(lastSeq: 3))

        // Then its floor applies after seq 1 (what the hub holds), at the clock as the node read it
        #expect(try Self.floor(hub, "DX").steps == [ClockFloor.Step(afterSeq: 1, hlc: HybridTimestamp(hub.now))])
    }

    @Test("a pull that does not say it read the hub's clock — a bundle's, an older node's — records no floor")
    func plainPullRecordsNothing() throws {
        // Given DX's state answer
        let hub = try HubFixture.withSignedTicket()
        defer { hub.remove() }
        _ = try hub.store.syncState(for: try hub.node("DX"), now: hub.now)
        // When it pulls as a bundle reply does
        _ = try hub.store.pull(for: try hub.node("DX"), after: 0, limit: 100)
        // Then no floor is known
        #expect(try Self.floor(hub, "DX") == .none)
    }

    @Test("a push past a floor drops the floors its stored events already imply")
    func pushPrunesImpliedFloors() throws {
        // Given DX's floor after seq 1, and DX's contact stamped after it
        let hub = try HubFixture()
        defer { hub.remove() }
        var harness = try HubFixture.dispatchedToDongxing()
        try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 11:00"))
        try hub.sync(harness, from: "WS")
        try hub.sync(harness, from: "DX")
        _ = try hub.store.syncState(for: try hub.node("DX"), now: Fixtures.cst("2026-10-19 09:00"))
        _ = try hub.store.pull(for: try hub.node("DX"), after: 0, limit: 100, clockRead: HubStore.ClockRead(lastSeq: 1))
        #expect(try Self.floor(hub, "DX").steps.count == 1)
        harness.replicas["DX"]!.clock.observe(HybridTimestamp(Fixtures.cst("2026-10-19 09:00")))
        try harness.perform(.contact(note: "电话联系黄老板"), on: "DX", at: Fixtures.cst("2026-10-19 10:00"))
        try harness.perform(.progress(note: "已到现场查看"), on: "DX", at: Fixtures.cst("2026-10-19 11:00"))

        // When DX pushes them
        try hub.sync(harness, from: "DX")

        // Then the floor is gone: the contact at seq 2 was checked against it, and every later event
        // must reach the contact's stamp
        #expect(try Self.floor(hub, "DX") == .none)
    }
}
