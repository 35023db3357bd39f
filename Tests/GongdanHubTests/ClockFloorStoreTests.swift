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

    /// `node`'s signed report that its last seq was `lastSeq` when it read the state answer of `serverTime`.
    static func read(_ hub: HubFixture, _ node: String, lastSeq: Int64, serverTime: Date,
                     key: NodeSigningKey? = nil) throws -> HubStore.ClockRead {
        HubStore.ClockRead(lastSeq: lastSeq, proof: try ClockReadProof.sign(node: node, lastSeq: lastSeq, serverTime: serverTime,
                                                                           with: key ?? hub.keys[node]!))
    }

    @Test("a pull after a state answer records the answered clock, after the lower of the reported seq and the seq the hub holds")
    func pullAfterStateRecordsFloor() throws {
        // Given DX holding one event at the hub, and its state answer at the fixture's time (whole seconds)
        let hub = try HubFixture.withSignedTicket()
        defer { hub.remove() }
        let answered = hub.now.addingTimeInterval(0.75)
        _ = try hub.store.syncState(for: try hub.node("DX"), now: answered, reportedLastSeq: 3)

        // When DX pulls reporting last seq 3 (two events not yet pushed)
        _ = try hub.store.pull(for: try hub.node("DX"), after: 0, limit: 100,
                               clockRead: try Self.read(hub, "DX", lastSeq: 3, serverTime: answered))

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
        _ = try hub.store.pull(for: try hub.node("DX"), after: 0, limit: 100,
                               clockRead: try Self.read(hub, "DX", lastSeq: 1, serverTime: Fixtures.cst("2026-10-19 09:00")))
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

    @Test("a clock read the node did not sign, signed with another key, or naming an older state answer records no floor")
    func unprovenReadsRecordNothing() throws {
        // Given DX's latest state answer at 10:00, after an earlier one at 09:00
        let hub = try HubFixture.withSignedTicket()
        defer { hub.remove() }
        let earlier = Fixtures.cst("2026-10-20 09:00"), latest = Fixtures.cst("2026-10-20 10:00")
        _ = try hub.store.syncState(for: try hub.node("DX"), now: earlier)
        _ = try hub.store.syncState(for: try hub.node("DX"), now: latest)
        let dx = try hub.node("DX")

        // When someone holding DX's token replays an old report, or forges one with a key of their own,
        // or sends garbage as the proof
        for read in [try Self.read(hub, "DX", lastSeq: 1, serverTime: earlier),
                     try Self.read(hub, "DX", lastSeq: 1, serverTime: latest, key: NodeSigningKey()),
                     HubStore.ClockRead(lastSeq: 1, proof: "not a signature")] {
            _ = try hub.store.pull(for: dx, after: 0, limit: 100, clockRead: read)
        }
        // Then no floor moved, and DX's events made meanwhile stay welcome
        #expect(try Self.floor(hub, "DX") == .none)
        // And DX's own signed report of the latest answer records it
        #expect(try hub.store.recordClockFloor(node: "DX", read: try Self.read(hub, "DX", lastSeq: 1, serverTime: latest), now: latest))
        #expect(try Self.floor(hub, "DX").steps == [ClockFloor.Step(afterSeq: 1, hlc: HybridTimestamp(latest))])
    }
}
