import Foundation
import GongdanCore
import GongdanSync
import GongdanTesting
import Testing
@testable import GongdanStore

@Suite("Hub store: ingest")
struct HubStoreIngestTests {
    @Test func aPushIsStoredOnceAndTheSameBatchAgainCountsAsDuplicates() throws {
        // Given a workstation's first two events
        let hub = try HubFixture()
        defer { hub.remove() }
        let harness = try HubFixture.dispatchedToDongxing()
        let push = try hub.push(harness.allEvents.filter { $0.id.origin == "WS" }, from: "WS")

        // When it pushes them twice
        let first = try hub.store.ingest(push, from: try hub.node("WS"), now: hub.now)
        let before = try hub.counts()
        let second = try hub.store.ingest(push, from: try hub.node("WS"), now: hub.now)

        // Then the first stores them, the replay changes nothing
        #expect(first.accepted == 2 && first.duplicates == 0 && first.hubHas == 2)
        #expect(second.accepted == 0 && second.duplicates == 2 && second.hubHas == 2)
        #expect(try hub.counts() == before)
        #expect(before["events"] == 2 && before["tickets"] == 1)
        #expect(try hub.node("WS").publicKey == hub.keys["WS"]!.publicKey)
        #expect(try hub.store.nodes().first { $0.code == "WS" }?.hubHas == 2)
    }

    @Test func anEventTheHubHoldsWithOtherContentIsAConflictingEvent() throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        let harness = try HubFixture.dispatchedToDongxing()
        let events = harness.allEvents.filter { $0.id.origin == "WS" }
        _ = try hub.store.ingest(try hub.push(events, from: "WS"), from: try hub.node("WS"), now: hub.now)
        let before = try hub.counts()

        // When the node replays a forked first event
        var forked = events
        forked[0].actor.person = "冒名"
        let push = try SignedChain.push(SignedChain.linked(forked), node: "WS", key: hub.keys["WS"]!)
        let error = #expect(throws: SyncError.self) { try hub.store.ingest(push, from: try hub.node("WS"), now: hub.now) }

        #expect(error?.code == .conflictingEvent)
        #expect(try hub.counts() == before)
    }

    /// Each refusal: the code, and nothing stored.
    @Test(arguments: Refusal.allCases)
    func aBadPushIsRefusedWithItsCodeAndNothingIsStored(_ refusal: Refusal) throws {
        // Given a hub that holds the workstation's first two events
        let hub = try HubFixture(limits: { var limits = SyncLimits(); limits.maxPushEvents = 3; return limits }())
        defer { hub.remove() }
        var harness = try HubFixture.dispatchedToDongxing()
        try hub.sync(harness, from: "WS")
        try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 11:00"))
        try harness.perform(.contact(note: "电话联系黄老板"), on: "DX", at: Fixtures.cst("2026-09-28 14:00"))
        let dx = harness.allEvents.filter { $0.id.origin == "DX" }

        // When the bad push arrives
        let (push, caller, now) = try refusal.make(hub, dx)
        let before = try hub.counts()
        let error = #expect(throws: SyncError.self) { try hub.store.ingest(push, from: caller, now: now) }

        // Then it is refused with its code and the store is as it was
        #expect(error?.code == refusal.expected)
        #expect(try hub.counts() == before)
        #expect(try hub.store.verify() == [])
    }

    enum Refusal: String, CaseIterable, CustomTestStringConvertible {
        case seqGap, brokenChain, badSignature, wrongKey, forgedOrigin, unitDispatches, outOfScope, clockAhead, oversize

        var testDescription: String { rawValue }

        var expected: SyncError.Code {
            switch self {
            case .seqGap: .seqGap
            case .brokenChain: .chainBroken
            case .badSignature: .badSignature
            case .wrongKey: .keyMismatch
            case .forgedOrigin: .originMismatch
            case .unitDispatches: .roleForbidden
            case .outOfScope: .outOfScope
            case .clockAhead: .clockAhead
            case .oversize: .batchTooLarge
            }
        }

        func make(_ hub: HubFixture, _ dx: [TicketEvent]) throws -> (PushRequest, RegisteredNode, Date) {
            let node = try hub.node("DX")
            let key = hub.keys["DX"]!
            switch self {
            case .seqGap:
                return (try SignedChain.push(SignedChain.linked([dx[1]]), node: "DX", key: key), node, hub.now)
            case .brokenChain:
                var linked = SignedChain.linked(dx)
                linked[1].prev = String(repeating: "0", count: 64)
                return (try SignedChain.push(linked, node: "DX", key: key), node, hub.now)
            case .badSignature:
                return (try SignedChain.push(SignedChain.linked(dx), node: "DX", key: NodeSigningKey(), publicKey: key.publicKey), node, hub.now)
            case .wrongKey:
                // DX registered its key with a first push already (made here).
                let other = NodeSigningKey()
                let first = try SignedChain.push(SignedChain.linked([dx[0]]), node: "DX", key: key)
                _ = try hub.store.ingest(first, from: node, now: hub.now)
                return (try SignedChain.push(SignedChain.linked(dx), node: "DX", key: other), try hub.node("DX"), hub.now)
            case .forgedOrigin:
                return (try SignedChain.push(SignedChain.linked(dx), node: "DX", key: key), try hub.node("QX"), hub.now)
            case .unitDispatches:
                var event = dx[0]
                event.payload = .dispatched(Assignment(lead: "DX", signBy: hub.now, deadline: hub.now))
                return (try SignedChain.push(SignedChain.linked([event]), node: "DX", key: key), node, hub.now)
            case .outOfScope:
                let qx = dx.map { event in
                    TicketEvent(id: EventID(origin: "QX", seq: event.id.seq), ticket: event.ticket, hlc: event.hlc,
                                clock: event.clock, actor: Fixtures.qiaoxuan, payload: event.payload)
                }
                return (try SignedChain.push(SignedChain.linked(qx), node: "QX", key: hub.keys["QX"]!), try hub.node("QX"), hub.now)
            case .clockAhead:
                return (try SignedChain.push(SignedChain.linked(dx), node: "DX", key: key), node, Fixtures.cst("2026-09-28 10:30"))
            case .oversize:
                let many = (0..<4).map { index in
                    TicketEvent(id: EventID(origin: "DX", seq: Int64(index + 1)), ticket: dx[0].ticket, hlc: dx[0].hlc,
                                clock: dx[0].clock, actor: dx[0].actor, payload: .progressNoted(note: "第\(index)次"))
                }
                return (try SignedChain.push(SignedChain.linked(many), node: "DX", key: key), node, hub.now)
            }
        }
    }
}

@Suite("Hub store: feeds and pulls")
struct HubStoreFeedTests {
    @Test func aTicketDispatchedToAUnitArrivesInItsFeedWithItsWholeHistoryAndLaterEventsFollow() throws {
        // Given a ticket created and dispatched to DX at the workstation
        let hub = try HubFixture()
        defer { hub.remove() }
        var harness = try HubFixture.dispatchedToDongxing()
        try hub.sync(harness, from: "WS")

        // When DX pulls
        let first = try hub.pullAll("DX")
        // Then it has the whole history, and QX nothing
        #expect(first.events.map(\.id.description) == ["WS#1", "WS#2"])
        #expect(try hub.pullAll("QX").events.isEmpty)
        let heads = try hub.store.pull(for: try hub.node("DX"), after: 0, limit: 10).heads
        #expect(heads.map(\.origin) == ["WS"] && heads[0].seq == 2)

        // When later events are pushed (DX signs; the workstation notes progress)
        try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 11:00"))
        try hub.sync(harness, from: "DX")
        harness.deliver(from: "DX", to: "WS")
        try harness.perform(.progress(note: "已督促"), on: "WS", at: Fixtures.cst("2026-09-29 09:00"))
        try hub.sync(harness, from: "WS")

        // Then they follow in DX's feed after its cursor
        let next = try hub.pullAll("DX", after: first.cursor)
        #expect(next.events.map(\.id.description) == ["DX#1", "WS#3"])
        #expect(try hub.pullAll("DX", after: next.cursor).events.isEmpty)
    }

    @Test func theWorkstationPagesThroughEverythingWithSmallLimitsWithoutLossOrDuplication() throws {
        // Given a ticket with many events, and a hub whose pages stop at a few hundred bytes
        let hub = try HubFixture(limits: { var limits = SyncLimits(); limits.maxPullBytes = 1500; return limits }())
        defer { hub.remove() }
        var harness = try HubFixture.dispatchedToDongxing()
        try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 11:00"))
        for index in 0..<12 {
            try harness.perform(.progress(note: "进展\(index)"), on: "DX", at: Fixtures.cst("2026-09-28 12:00").addingTimeInterval(Double(index) * 60))
        }
        try hub.sync(harness, from: "WS")
        try hub.sync(harness, from: "DX")

        // When the workstation pulls 3 at a time
        let pulled = try hub.pullAll("WS", limit: 3)

        // Then it got every event once, in commit order
        #expect(pulled.events.count == 15)
        #expect(Set(pulled.events.map(\.id)).count == 15)
        #expect(Set(pulled.events.map(\.id)) == Set(harness.allEvents.map(\.id)))
        #expect(pulled.pages >= 5)
        #expect(try hub.store.pull(for: try hub.node("WS"), after: pulled.cursor, limit: 3).events.isEmpty)
    }
}

@Suite("Hub store: conflicts and audit")
struct HubStoreConflictTests {
    /// README §6: DX works offline while the workstation re-dispatches to QX.
    static func offlineRedispatch(_ hub: HubFixture) throws -> TicketHarness {
        var harness = try HubFixture.dispatchedToDongxing()
        try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 11:00"))
        try harness.perform(.contact(note: "电话联系"), on: "DX", at: Fixtures.cst("2026-09-28 14:00"))
        try harness.perform(.dispatch(lead: "QX", co: []), on: "WS", at: Fixtures.cst("2026-09-28 15:00"))
        try harness.perform(.reply(result: "已协调施工方撤除围挡", resolved: true), on: "DX", at: Fixtures.cst("2026-09-29 10:00"))
        try hub.sync(harness, from: "WS")
        return harness
    }

    @Test func theOfflineReDispatchIsQueuedAsAHandedOverReplyAndAnOverrideReachesTheUnit() throws {
        // Given DX's offline work and the workstation's concurrent re-dispatch to QX
        let hub = try HubFixture()
        defer { hub.remove() }
        let harness = try Self.offlineRedispatch(hub)

        // When DX pushes
        let answer = try hub.sync(harness, from: "DX")

        // Then one handed-over-reply conflict names DX's events and WS#3
        #expect(answer.conflicts.map(\.kind) == [.handedOverReply])
        let conflicts = try hub.store.conflicts()
        #expect(conflicts.count == 1)
        let conflict = try #require(conflicts.first)
        #expect(conflict.eventIDs.contains(EventID(origin: "DX", seq: 3)))
        #expect(conflict.eventIDs.last == EventID(origin: "WS", seq: 3))
        #expect(try hub.sync(harness, from: "DX").conflicts.isEmpty)  // re-detection records nothing new

        // When the operator overrides: DX leads after all
        let resolved = try hub.store.resolveConflict(id: conflict.id, resolution: .override(lead: "DX", value: nil),
                                                     note: "东兴镇已办结", person: "运维", now: hub.now)

        // Then a HUB dispatch to DX is in DX's feed, signed, and the audit is clean
        #expect(resolved.status == .overridden)
        let hubEvent = try #require(try hub.pullAll("DX").events.last)
        #expect(hubEvent.id == EventID(origin: "HUB", seq: 1))
        if case .dispatched(let assignment) = hubEvent.payload { #expect(assignment.lead == "DX") } else { Issue.record("not a dispatch") }
        #expect(try hub.store.verify() == [])
        #expect(try hub.store.conflicts().isEmpty)
        #expect(try hub.store.conflicts(status: nil).count == 1)
    }

    @Test func confirmingAConflictClosesItWithTheNote() throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        let harness = try Self.offlineRedispatch(hub)
        try hub.sync(harness, from: "DX")
        let id = try #require(try hub.store.conflicts().first?.id)

        let resolved = try hub.store.resolveConflict(id: id, resolution: .confirm, note: "按工作站分派", person: "运维", now: hub.now)

        #expect(resolved.status == .confirmed)
        #expect(resolved.resolution?.contains("按工作站分派") == true)
        #expect(throws: HubStoreError.self) {
            try hub.store.resolveConflict(id: id, resolution: .confirm, note: nil, person: "运维", now: hub.now)
        }
    }

    @Test func verifyFindsATamperedBody() throws {
        // Given a sound hub
        let hub = try HubFixture()
        defer { hub.remove() }
        let harness = try HubFixture.dispatchedToDongxing()
        try hub.sync(harness, from: "WS")
        #expect(try hub.store.verify() == [])

        // When someone edits a stored event in place
        try hub.store.db.write { db in
            try db.execute(sql: "UPDATE events SET body = replace(body, '三个月', '三天') WHERE origin = 'WS' AND seq = 1")
        }

        // Then the audit says so
        let problems = try hub.store.verify()
        #expect(!problems.isEmpty)
        #expect(problems.contains { $0.contains("WS#1") })
    }
}

@Suite("Hub store: duplicate intakes")
struct HubStoreDuplicateTests {
    @Test func twoIntakesOfTheSameMatterAtTwoNodesAreFlaggedAndAnOverrideMergesTheNewer() throws {
        // Given the workstation took in a hotline complaint, and DX a walk-in about the same matter
        let hub = try HubFixture()
        defer { hub.remove() }
        var hotline = TicketHarness(code: "WS-26-0001")
        try hotline.intake(Fixtures.complaint(), on: "WS", at: Fixtures.cst("2026-09-28 09:00"))
        var walkIn = TicketHarness(code: "DX-26-0001")
        try walkIn.intake(Fixtures.complaint(source: .window), on: "DX", at: Fixtures.cst("2026-09-29 09:00"))
        try hub.sync(hotline, from: "WS")

        // When DX pushes its intake
        let answer = try hub.sync(walkIn, from: "DX")

        // Then the newer ticket is flagged as a likely duplicate of the older, in the hub's queue and to
        // the workstation, but DX is not told of a ticket it never handled
        #expect(answer.conflicts.isEmpty)
        let told = try hub.store.pull(for: try hub.node("WS"), after: 0, limit: 100).conflicts ?? []
        #expect(told.map(\.kind) == [.duplicateIntake])
        let conflict = try #require(try hub.store.conflicts().first)
        #expect(conflict.ticket == "DX-26-0001")
        #expect(conflict.events.map(\.ticket) == ["WS-26-0001", "DX-26-0001"])

        // When the operator overrides, the newer is merged into the older by the hub
        try hub.store.resolveConflict(id: conflict.id, resolution: .override(lead: nil, value: nil), note: nil,
                                      person: "运维", now: hub.now)
        let merged = try #require(try hub.pullAll("DX").events.last)
        #expect(merged.id.origin == "HUB")
        #expect(merged.payload == .merged(into: "WS-26-0001"))
        #expect(try hub.store.verify() == [])
    }
}
