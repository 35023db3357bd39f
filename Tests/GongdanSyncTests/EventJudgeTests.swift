import Foundation
import Testing
import GongdanCore
import GongdanSync
import GongdanTesting

/// The hub's re-decision of a ticket's new events against what it holds.
@Suite("The hub's judge")
struct EventJudgeTests {
    let cst = Fixtures.cst
    let judge = EventJudge(policy: .official)

    func signed() throws -> TicketHarness {
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(), on: "WS", at: cst("2026-09-28 08:30"))
        try harness.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-09-28 09:00"))
        harness.syncAll()
        try harness.perform(.sign, on: "DX", at: cst("2026-09-28 10:00"))
        return harness
    }

    @Test("offline work that met a concurrent workstation decision is accepted")
    func concurrentWorkAccepted() throws {
        var harness = try signed()
        try harness.perform(.dispatch(lead: "QX", co: []), on: "WS", at: cst("2026-09-28 10:30"))
        try harness.perform(.contact(note: "电话联系"), on: "DX", at: cst("2026-09-28 11:00"))
        try harness.perform(.reply(result: "已办结", resolved: true), on: "DX", at: cst("2026-09-28 12:00"))
        let held = harness.allEvents.filter { $0.id.origin == "WS" }
        let fresh = harness.allEvents.filter { $0.id.origin == "DX" }
        try judge.judge(ticket: harness.code, held: held, fresh: fresh)
    }

    @Test("an event illegal in its author's own view is refused, naming the rule, the event and the ticket")
    func illegalRefused() throws {
        var harness = try signed()
        try harness.perform(.contact(note: "电话联系"), on: "DX", at: cst("2026-09-28 11:00"))
        let forged = harness.forge(.returned(reason: "不归我管"), on: "DX", at: cst("2026-09-28 12:00"))
        let error = try #require(throws: SyncError.self) {
            try judge.judge(ticket: harness.code, held: harness.allEvents.filter { $0.id.origin == "WS" },
                            fresh: harness.allEvents.filter { $0.id.origin == "DX" })
        }
        #expect(error.code == .ruleViolation && error.code.httpStatus == 422)
        #expect(error.message.contains("rule return.before-handling") && error.message.contains("\(forged.id)")
                && error.message.contains(harness.code))
    }

    @Test("an event that claims to have seen events the hub lacks waits for them")
    func unknownPast() throws {
        let harness = try signed()
        let events = harness.allEvents
        let error = try #require(throws: SyncError.self) {
            try judge.judge(ticket: harness.code, held: [], fresh: events.filter { $0.id.origin == "DX" })
        }
        #expect(error.code == .causalPastUnknown && error.code.httpStatus == 409)
    }

    @Test("a clock that does not count its origin's own earlier events is refused")
    func ownCountForged() throws {
        var harness = try signed()
        var event = harness.forge(.progressNoted(note: "现场查看"), on: "DX", at: cst("2026-09-28 11:00"))
        event.clock = VectorClock(["WS": 2, "DX": 1])
        let held = harness.allEvents.filter { $0.id.origin == "WS" || $0.id.seq == 1 }
        let error = try #require(throws: SyncError.self) { try judge.judge(ticket: harness.code, held: held, fresh: [event]) }
        #expect(error.code == .ruleViolation && error.message.contains("rule event.clock"))
    }
}
