import Foundation
import Testing
import GongdanCore
import GongdanTesting

/// The life-cycle table: every judge reads it, the fold ignores what it refuses, derived values come
/// from the policy, and `docs/rules.md` holds the table as it is.
@Suite("The rule table")
struct TicketRulesTests {
    let cst = Fixtures.cst

    func signed() throws -> TicketHarness {
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(), on: "WS", at: cst("2026-09-28 08:30"))
        try harness.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-09-28 09:00"))
        harness.syncAll()
        try harness.perform(.sign, on: "DX", at: cst("2026-09-28 10:00"))
        harness.syncAll()
        return harness
    }

    @Test("the table has one row for every event type and for every action")
    func oneRowEach() {
        #expect(Set(TicketRules.table.map(\.action)) == Set(TicketAction.allCases))
        #expect(TicketRules.table.count == TicketAction.allCases.count)
        let types = ["created", "dispatched", "signed", "returned", "contacted", "progressNoted", "extensionRequested",
                     "extensionDecided", "referred", "replied", "reviewed", "evaluated", "escalated", "closed", "corrected", "merged",
                     "contactReleased"]
        #expect(Set(TicketRules.table.map(\.type)) == Set(types))
    }

    @Test("an event its author was not allowed to make changes nothing in the fold")
    func foldIgnoresForgeries() throws {
        var harness = try signed()
        let honest = try #require(TicketFold.fold(harness.allEvents))
        let forged = harness.forge(.corrected(field: .category, value: "consult"), on: "DX", at: cst("2026-09-28 11:00"))
        harness.forge(.evaluated(Evaluation(satisfaction: .satisfied, resolved: true)), on: "DX", at: cst("2026-09-28 11:05"))
        var refused: [String] = []
        let state = try #require(TicketFold.fold(harness.allEvents, policy: .official) { _, violation in refused.append(violation.rule) })
        #expect(state.category == .complaint && state.status == honest.status && state.evaluations.isEmpty)
        #expect(state.refusedEvents.first == forged.id && state.refusedEvents.count == 2)
        #expect(refused == ["correct.by", "evaluate.by"])
    }

    @Test("a deadline written into a dispatch is not taken: every fold computes it from the policy")
    func derivedDeadline() throws {
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(), on: "WS", at: cst("2026-09-28 08:30"))
        let far = cst("2099-01-01 00:00")
        harness.forge(.dispatched(Assignment(lead: "DX", signBy: far, deadline: far)), on: "WS", at: cst("2026-09-28 09:00"))
        let state = try #require(TicketFold.fold(harness.allEvents))
        // 10 working days from Monday 28 September 2026, the National Day holiday in between
        let expected = DerivedValues.assignment(lead: "DX", co: [], category: .complaint, at: cst("2026-09-28 09:00"), policy: .official)
        #expect(state.deadline == expected.deadline && state.signBy == expected.signBy && state.deadline != far)
        var stricter = HandlingPolicy()
        stricter.signingWorkingDays = 3
        let policy = DistrictPolicy(versions: [.init(effectiveFrom: cst("2026-09-01 00:00"), handling: stricter)])
        let later = try #require(TicketFold.fold(harness.allEvents, policy: policy))
        #expect(later.signBy == WorkingDayCalendar.official.deadline(workingDays: 3, from: cst("2026-09-28 09:00")))
    }

    @Test("a return after the first contact is refused, saying what to do instead")
    func returnBeforeHandlingOnly() throws {
        var harness = try signed()
        #expect(harness.state(on: "DX")!.nextActions(for: .township).contains(.return))
        try harness.perform(.contact(note: "电话联系黄老板"), on: "DX", at: cst("2026-09-28 11:00"))
        #expect(!harness.state(on: "DX")!.nextActions(for: .township).contains(.return))
        let error = try #require(throws: TicketError.self) {
            try harness.perform(.returnTicket(reason: "不归我镇管"), on: "DX", at: cst("2026-09-28 12:00"))
        }
        #expect("\(error)".contains("reply with the outcome") && "\(error)".contains("gongdan ticket extend"))
    }

    @Test("the workstation's contact is refused, never silently ignored")
    func workstationContact() throws {
        var harness = try signed()
        #expect(throws: TicketError.roleForbidden(role: .workstation, action: .contact)) {
            try harness.perform(.contact(note: "工作站电话"), on: "WS", at: cst("2026-09-28 11:00"))
        }
    }

    @Test("an offline reply that met a concurrent re-dispatch was legal as its author saw it: handed over, not refused")
    func concurrentOfflineWorkIsAdmitted() throws {
        var harness = try signed()
        try harness.perform(.contact(note: "电话联系黄老板"), on: "DX", at: cst("2026-09-28 11:00"))
        try harness.perform(.reply(result: "已协调施工方", resolved: true), on: "DX", at: cst("2026-09-28 12:00"))
        try harness.perform(.dispatch(lead: "QX", co: []), on: "WS", at: cst("2026-09-28 11:30"))
        harness.syncAll()
        var refused: [String] = []
        let state = try #require(TicketFold.fold(harness.allEvents, policy: .official) { _, violation in refused.append(violation.rule) })
        #expect(refused.isEmpty && state.refusedEvents.isEmpty)
        #expect(state.lead == "QX" && state.handedOverReplies.count == 1)
    }

    @Test("only the hub's page records the entity's evaluation, and never of a unit's own walk-in")
    func publicPageEvaluation() throws {
        let hub = Actor(node: Authority.hubOrigin, role: .workstation, unit: nil, person: "公开页面")
        let page = TicketEventPayload.evaluated(Evaluation(satisfaction: .satisfied, resolved: true, channel: .publicPage))
        var walkIn = TicketHarness(code: "DX-26-0001")
        try walkIn.intake(IntakeRequest(category: .consult, source: .window, entity: BusinessEntity(name: "港南区好味餐馆"),
                                        summary: "执照变更", immediateAnswer: "带原执照到政务中心"),
                          on: "DX", at: cst("2026-09-28 09:30"))
        let state = try #require(walkIn.state(on: "DX"))
        #expect(state.status == .pendingEvaluation)
        #expect(throws: RuleViolation.self) {
            try TicketRules.check(page, ticket: state.code, by: hub, on: state, at: cst("2026-09-28 10:00"), policy: .official)
        }
        #expect(throws: RuleViolation.self) {
            try TicketRules.check(page, ticket: state.code, by: Fixtures.workstation, on: state, at: cst("2026-09-28 10:00"), policy: .official)
        }
        let revisit = TicketEventPayload.evaluated(Evaluation(satisfaction: .satisfied, resolved: true))
        try TicketRules.check(revisit, ticket: state.code, by: Fixtures.workstation, on: state, at: cst("2026-09-28 10:00"), policy: .official)
    }

    @Test("docs/rules.md holds the table exactly as the code has it (regenerate with `gongdan debug rules`)")
    func documentMatches() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let page = try String(contentsOf: root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(page.contains(TicketRules.markdown()))
    }
}
