import Foundation
import GongdanCore
import GongdanSync
import GongdanTesting
import Testing
@testable import GongdanStore

/// Issue 12: an entity's evaluation on the public page that a concurrent revisit set aside is not lost
/// silently — it is a conflict in the hub's queue, and the page tells the entity what stands.
@Suite("Concurrent evaluations", .timeLimit(.minutes(1)))
struct ConcurrentEvaluationTests {
    static let code = "WS-26-0001"

    /// A hub holding a ticket whose reply the workstation accepted, and the harness the nodes work in.
    func acceptedTicket() throws -> (HubFixture, TicketHarness) {
        let hub = try HubFixture()
        var harness = TicketHarness(code: Self.code)
        try harness.intake(Fixtures.complaint(), on: "WS", at: Fixtures.cst("2026-09-28 09:00"))
        try harness.perform(.dispatch(lead: "DX", co: []), on: "WS", at: Fixtures.cst("2026-09-28 10:00"))
        harness.deliver(from: "WS", to: "DX")
        try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 11:00"))
        try harness.perform(.contact(note: "已电话联系"), on: "DX", at: Fixtures.cst("2026-09-29 09:00"))
        try harness.perform(.reply(result: "已协调缩短围挡", resolved: true), on: "DX", at: Fixtures.cst("2026-10-09 09:00"))
        try hub.sync(harness, from: "WS")
        try hub.sync(harness, from: "DX")
        harness.deliver(from: "DX", to: "WS")
        try harness.perform(.review(accept: true, reason: nil), on: "WS", at: Fixtures.cst("2026-10-10 09:00"))
        try hub.sync(harness, from: "WS")
        return (hub, harness)
    }

    @Test("a page evaluation set aside by a revisit made without seeing it becomes a conflict, and the page says which stands")
    func pageEvaluationSetAside() throws {
        var (hub, harness) = try acceptedTicket()
        defer { hub.remove() }
        let query = try #require(try hub.store.queryCode(for: Self.code))
        // Given the workstation's revisit, recorded offline before the entity used the page
        try harness.perform(.evaluate(Evaluation(satisfaction: .basic, resolved: true)), on: "WS", at: Fixtures.cst("2026-10-12 09:00"))
        // and the entity's evaluation on the page, which the hub records
        let recorded = try hub.store.evaluatePublicly(ticket: Self.code, queryCode: query, satisfaction: .satisfied,
                                                      resolved: true, now: hub.now)
        #expect(recorded.evaluation?.satisfaction == .satisfied && !recorded.pageEvaluationSetAside)

        // When the workstation syncs its revisit
        let answer = try hub.sync(harness, from: "WS")

        // Then the revisit, first in the fold's order, stands; the page's evaluation is set aside, in the queue
        #expect(answer.conflicts.map(\.kind) == [.concurrentEvaluation])
        let conflict = try #require(try hub.store.conflicts().first { $0.kind == .concurrentEvaluation })
        #expect(conflict.events.map(\.id.origin) == ["WS", "HUB"])
        // and the page tells the entity which evaluation stands
        let progress = try #require(try hub.store.publicProgress(ticket: Self.code, queryCode: query))
        #expect(progress.pageEvaluationSetAside && progress.evaluation?.satisfaction == .basic)
        // An override is refused (both stay on the record); a confirmation closes the conflict
        #expect(throws: (any Error).self) {
            try hub.store.resolveConflict(id: conflict.id, resolution: .override(lead: nil, value: nil), note: nil,
                                          person: "运维", now: hub.now)
        }
        let confirmed = try hub.store.resolveConflict(id: conflict.id, resolution: .confirm, note: "已回访核实", person: "运维", now: hub.now)
        #expect(confirmed.status == .confirmed)
    }
}
