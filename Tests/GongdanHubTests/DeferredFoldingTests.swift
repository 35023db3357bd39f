import Foundation
import GRDB
import GongdanCore
import GongdanSync
import GongdanTesting
import Testing
@testable import GongdanStore

/// A push answered once its events are stored, folded into the projections after
/// (``HubStore/ProjectionTiming/deferred``): nobody who reads the projections sees the difference.
@Suite("Hub store: folding after the answer")
struct DeferredFoldingTests {
    @Test func aDeferredPushIsStoredAtOnceAndThePullOfAnotherUnitFoldsItFirst() throws {
        // Given the workstation's intake and dispatch to DX, pushed with the fold deferred
        let hub = try HubFixture()
        defer { hub.remove() }
        let harness = try HubFixture.dispatchedToDongxing()
        let push = try hub.push(harness.allEvents.filter { $0.id.origin == "WS" }, from: "WS")
        let answer = try hub.store.ingest(push, from: try hub.node("WS"), now: hub.now, projection: .deferred)

        // Then the events are stored and acknowledged, but not folded yet
        #expect(answer.accepted == 2 && answer.hubHas == 2)
        #expect(try hub.store.projectionBacklog() == 2)
        let counts = try hub.counts()
        #expect(counts["events"] == 2 && counts["tickets"] == 0 && counts["feed"] == 0)

        // When DX pulls, it gets the ticket it was dispatched, folded first
        let pulled = try hub.pullAll("DX")
        #expect(pulled.events.map(\.id) == harness.allEvents.filter { $0.id.origin == "WS" }.map(\.id))
        #expect(try hub.store.projectionBacklog() == 0)
        #expect(try hub.counts()["tickets"] == 1)
        #expect(try hub.store.verify() == [])
    }

    @Test func aUnitActingOnATicketWhoseDispatchIsNotFoldedYetIsInScope() throws {
        // Given the dispatch to DX stored but not folded (DX's scope at the hub does not show it yet)
        let hub = try HubFixture()
        defer { hub.remove() }
        var harness = try HubFixture.dispatchedToDongxing()
        let ws = try hub.push(harness.allEvents.filter { $0.id.origin == "WS" }, from: "WS")
        _ = try hub.store.ingest(ws, from: try hub.node("WS"), now: hub.now, projection: .deferred)
        try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 11:00"))

        // When DX pushes its signing, deferred too
        let dx = try hub.push(harness.allEvents.filter { $0.id.origin == "DX" }, from: "DX")
        let answer = try hub.store.ingest(dx, from: try hub.node("DX"), now: hub.now, projection: .deferred)

        // Then the hub folded what waited, found the ticket in DX's scope and took the signing
        #expect(answer.accepted == 1)
        #expect(try hub.store.projectionBacklog() == 1)
        try hub.store.catchUpProjections(now: hub.now)
        let status = try hub.store.db.read { db in try String.fetchOne(db, sql: "SELECT status FROM tickets WHERE code = 'WS-26-0001'") }
        #expect(status == "handling")
    }

    @Test func theConflictADeferredPushRaisesReachesItsNodeOnceOnTheLastPageOfItsPull() throws {
        // Given DX's offline work on a ticket the workstation re-dispatched to QX meanwhile
        let hub = try HubFixture()
        defer { hub.remove() }
        let harness = try HubStoreConflictTests.offlineRedispatch(hub)

        // When DX pushes with the fold deferred
        let dx = try hub.push(harness.allEvents.filter { $0.id.origin == "DX" }, from: "DX")
        let answer = try hub.store.ingest(dx, from: try hub.node("DX"), now: hub.now, projection: .deferred)

        // Then the answer cannot name the conflict yet; the last page of DX's pull does, once
        #expect(answer.accepted == 3 && answer.conflicts.isEmpty)
        let page = try hub.store.pull(for: try hub.node("DX"), after: 0, limit: 1000, now: hub.now)
        #expect(!page.more)
        #expect(page.conflicts?.map(\.kind) == [.handedOverReply])
        #expect(page.conflicts?.first?.ticket == "WS-26-0001")
        #expect(try hub.store.pull(for: try hub.node("DX"), after: page.cursor, limit: 1000, now: hub.now).conflicts == nil)
        // and the conflict stays in the queue; the workstation, whose events did not raise it, is not told
        #expect(try hub.store.conflicts().map(\.kind) == [.handedOverReply])
        #expect(try hub.store.pull(for: try hub.node("WS"), after: 0, limit: 1000, now: hub.now).conflicts == nil)
    }

    @Test func aConflictFoundByAFoldBetweenPushesComesWithTheNodesNextPushAnswer() throws {
        // Given DX's conflicting offline work pushed with the fold deferred, then folded in the background
        let hub = try HubFixture()
        defer { hub.remove() }
        var harness = try HubStoreConflictTests.offlineRedispatch(hub)
        let first = try hub.push(harness.allEvents.filter { $0.id.origin == "DX" }, from: "DX")
        _ = try hub.store.ingest(first, from: try hub.node("DX"), now: hub.now, projection: .deferred)
        #expect(try hub.store.projectPending(limit: 100, now: hub.now) == 3)

        // When DX pushes its next event
        try harness.perform(.progress(note: "已与施工方约定撤场时间"), on: "DX", at: Fixtures.cst("2026-09-29 11:00"))
        let held = try hub.store.db.read { db in try HubStore.originHead(db, "DX") }.seq
        let next = try hub.push(harness.allEvents.filter { $0.id.origin == "DX" && $0.id.seq > held }, from: "DX")
        let answer = try hub.store.ingest(next, from: try hub.node("DX"), now: hub.now, projection: .deferred)

        // Then that answer names the conflict the fold found
        #expect(answer.accepted == 1)
        #expect(answer.conflicts.map(\.kind) == [.handedOverReply])
    }

    @Test func aHubStoppedBeforeItFoldedFoldsWhenItIsOpenedAgain() throws {
        // Given a push stored and not folded when the hub stopped
        let hub = try HubFixture()
        defer { hub.remove() }
        let harness = try HubFixture.dispatchedToDongxing()
        let push = try hub.push(harness.allEvents.filter { $0.id.origin == "WS" }, from: "WS")
        _ = try hub.store.ingest(push, from: try hub.node("WS"), now: hub.now, projection: .deferred)
        #expect(try hub.store.projectionBacklog() == 2)

        // When the hub's database is opened again
        let reopened = try HubStore(path: hub.store.path)

        // Then what waited is folded
        #expect(try reopened.projectionBacklog() == 0)
        #expect(try HubFixture.counts(of: reopened)["tickets"] == 1)
        #expect(try reopened.verify() == [])
    }

    @Test(arguments: [UInt64(7), 19])
    func foldingAfterTheAnswerLeavesTheHubWithTheSameProjectionsAsFoldingBefore(seed: UInt64) async throws {
        // Given the same seeded district twice, its hub folding before answering or after
        let directory = try TemporaryDirectory("gongdan-fold")
        defer { directory.remove() }
        var reports: [SimulationReport] = []
        for deferred in [false, true] {
            var options = DistrictSimulation.Options(seed: seed, nodes: 4, days: 4, cutRate: 0.2,
                                                     directory: directory.path(deferred ? "deferred" : "immediate"))
            options.deferredFolding = deferred
            reports.append(try await DistrictSimulation.run(options))
        }

        // Then both converge, with the same history, and the hubs' projections are equal
        for report in reports {
            let lines = report.lines
            let failed = report.checks.filter { !$0.passed }
            #expect(failed.isEmpty, "\(lines.joined(separator: "\n"))")
        }
        #expect(reports[0].fingerprint == reports[1].fingerprint)
        let immediate = try HubStore(path: directory.path("immediate/hub.sqlite"))
        let deferred = try HubStore(path: directory.path("deferred/hub.sqlite"))
        for (table, query) in Self.projectionQueries {
            let left = try Self.rows(immediate, query), right = try Self.rows(deferred, query)
            #expect(!left.isEmpty || table == "conflicts", "\(table) is empty")
            let first = zip(left, right).first { $0 != $1 }
            #expect(left == right, "\(table) differs (\(left.count) and \(right.count) rows), first at:\n\(first?.0 ?? "-")\n\(first?.1 ?? "-")")
        }
    }

    /// Every table a fold writes, as rows in a stable order (a feed's order of delivery may differ:
    /// its rows are compared as a set per unit; a conflict's time is when it was found; query codes are
    /// random, as credentials must be).
    static let projectionQueries: [(String, String)] = [
        ("tickets", "SELECT * FROM tickets ORDER BY code"),
        ("ticket_units", "SELECT ticket, unit FROM ticket_units ORDER BY ticket, unit"),
        ("ticket_facts", "SELECT * FROM ticket_facts ORDER BY code"),
        ("handling_rounds", "SELECT f.code, r.* FROM handling_rounds r JOIN ticket_facts f ON f.id = r.ticket_id ORDER BY f.code, r.position"),
        ("scoring_days", "SELECT * FROM scoring_days WHERE \(ScoringDaysTable.countColumns.map { "\($0) != 0" }.joined(separator: " OR ")) ORDER BY unit, day"),
        ("feed", "SELECT unit, commit_seq FROM feed ORDER BY unit, commit_seq"),
        ("conflicts", "SELECT ticket, kind, key, events, summary, decision, status FROM conflicts ORDER BY key"),
    ]

    static func rows(_ store: HubStore, _ sql: String) throws -> [String] {
        try store.db.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.columnNames.filter { !["id", "ticket_id", "query_code"].contains($0) }.map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: " ")
            }
        }
    }
}
