import Foundation
import Testing
import GongdanCore
import GongdanTesting

/// Every stage of DESIGN §2, walked through the decider and the fold.
@Suite("The ticket life cycle")
struct TicketLifecycleTests {
    let cst = Fixtures.cst

    /// Given a hotline complaint taken in and dispatched to 东兴镇 on Monday 2026-09-28 09:00 CST.
    func dispatchedComplaint() throws -> TicketHarness {
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(), on: "WS", at: cst("2026-09-28 08:30"))
        try harness.perform(.dispatch(lead: "DX", co: ["SCJG"]), on: "WS", at: cst("2026-09-28 09:00"))
        harness.syncAll()
        return harness
    }

    @Test("a hotline intake records its 1-working-day intake limit and waits for dispatch")
    func hotlineIntake() throws {
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(receivedAt: cst("2026-09-25 16:00")), on: "WS", at: cst("2026-09-28 08:30"))
        let state = try #require(harness.state(on: "WS"))
        #expect(state.status == .pendingDispatch)
        // Friday's call: the limit is the end of Monday, 1 working day later.
        #expect(state.intake.intakeDeadline == CivilDate("2026-09-28")!.endInChinaStandardTime)
        #expect(state.intake.queryCode == nil)
    }

    @Test("dispatch sets the lead, co-units, the signing limit and the category's deadline")
    func dispatch() throws {
        let harness = try dispatchedComplaint()
        let state = try #require(harness.state(on: "DX"))
        #expect(state.status == .pendingSign)
        #expect(state.lead == "DX")
        #expect(state.coUnits == ["SCJG"])
        #expect(state.signBy == CivilDate("2026-09-29")!.endInChinaStandardTime)
        // 10 working days from Monday 2026-09-28 end on 2026-10-16 (National Day off, 10-10 a make-up workday).
        #expect(state.deadline == CivilDate("2026-10-16")!.endInChinaStandardTime)
        #expect(state.round == 1)
    }

    @Test("each category gets its own number of working days", arguments: [
        (TicketCategory.consult, "2026-10-08"), (.help, "2026-10-10"), (.suggestion, "2026-10-10"),
        (.complaint, "2026-10-16"), (.report, "2026-10-16"),
    ])
    func categoryDeadlines(category: TicketCategory, due: String) throws {
        var harness = TicketHarness()
        var request = Fixtures.complaint()
        request.category = category
        try harness.intake(request, on: "WS", at: cst("2026-09-28 08:30"))
        try harness.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-09-28 09:00"))
        #expect(harness.state(on: "WS")?.deadline == CivilDate(due)!.endInChinaStandardTime)
    }

    @Test("a unit signs, contacts, replies; the workstation accepts and the entity is satisfied: closed")
    func happyPath() throws {
        var harness = try dispatchedComplaint()
        try harness.perform(.sign, on: "DX", at: cst("2026-09-28 10:00"))
        #expect(harness.state(on: "DX")?.status == .handling)
        try harness.perform(.contact(note: "电话联系黄老板"), on: "DX", at: cst("2026-09-28 11:00"))
        try harness.perform(.progress(note: "已协调施工方"), on: "DX", at: cst("2026-09-29 11:00"))
        try harness.perform(.reply(result: "施工方承诺10月20日前撤除围挡", resolved: true), on: "DX", at: cst("2026-09-30 11:00"))
        #expect(harness.state(on: "DX")?.status == .pendingReview)
        harness.syncAll()
        try harness.perform(.review(accept: true, reason: nil), on: "WS", at: cst("2026-09-30 15:00"))
        #expect(harness.state(on: "WS")?.status == .pendingEvaluation)
        try harness.perform(.evaluate(Evaluation(satisfaction: .satisfied, resolved: true)), on: "WS", at: cst("2026-10-08 10:00"))
        let state = try #require(harness.state(on: "WS"))
        #expect(state.status == .closed)
        #expect(state.closure == .satisfied)
        #expect(state.eventCount == 8)
    }

    @Test("a return sends the ticket back for dispatch; re-dispatching to the same unit counts as overruled")
    func returnAndOverrule() throws {
        var harness = try dispatchedComplaint()
        try harness.perform(.returnTicket(reason: "不属于本镇辖区"), on: "DX", at: cst("2026-09-28 10:00"))
        harness.syncAll()
        var state = try #require(harness.state(on: "WS"))
        #expect(state.status == .pendingDispatch)
        #expect(state.lead == nil)
        #expect(state.returns.map(\.reason) == ["不属于本镇辖区"])
        try harness.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-09-28 14:00"))
        state = try #require(harness.state(on: "WS"))
        #expect(state.returnsOverruled == 1)
        #expect(state.round == 2)
    }

    @Test("an approved extension moves the deadline by working days; a denied one leaves it")
    func extensions() throws {
        var harness = try dispatchedComplaint()
        try harness.perform(.sign, on: "DX", at: cst("2026-09-28 10:00"))
        try harness.perform(.requestExtension(days: 5, reason: "需等待施工方"), on: "DX", at: cst("2026-10-12 10:00"))
        harness.syncAll()
        #expect(harness.state(on: "WS")?.pendingExtension?.days == 5)
        try harness.perform(.decideExtension(approve: true, reason: nil), on: "WS", at: cst("2026-10-12 11:00"))
        var state = try #require(harness.state(on: "WS"))
        // Five working days after 2026-10-16 (Friday): 10-19 … 10-23.
        #expect(state.deadline == CivilDate("2026-10-23")!.endInChinaStandardTime)
        #expect(state.extensionDaysGranted == 5)
        #expect(state.pendingExtension == nil)
        harness.syncAll()
        try harness.perform(.requestExtension(days: 3, reason: "再等等"), on: "DX", at: cst("2026-10-20 10:00"))
        harness.syncAll()
        try harness.perform(.decideExtension(approve: false, reason: "理由不充分"), on: "WS", at: cst("2026-10-20 11:00"))
        state = try #require(harness.state(on: "WS"))
        #expect(state.deadline == CivilDate("2026-10-23")!.endInChinaStandardTime)
    }

    @Test("a non-standard reply is rejected back to the unit and counted")
    func rejectedReply() throws {
        var harness = try dispatchedComplaint()
        try harness.perform(.sign, on: "DX", at: cst("2026-09-28 10:00"))
        try harness.perform(.contact(note: "电话"), on: "DX", at: cst("2026-09-28 10:30"))
        try harness.perform(.reply(result: "已处理", resolved: true), on: "DX", at: cst("2026-09-28 11:00"))
        harness.syncAll()
        try harness.perform(.review(accept: false, reason: "未说明处理结果"), on: "WS", at: cst("2026-09-28 15:00"))
        let state = try #require(harness.state(on: "WS"))
        #expect(state.status == .handling)
        #expect(state.rejectedReplies == 1)
    }

    @Test("unsatisfied and reasonable: second dispatch; unsatisfied again: escalation with a designated lead; the office closes")
    func secondDispatchAndEscalation() throws {
        var harness = try dispatchedComplaint()
        func handle(by unit: String, day: String) throws {
            try harness.perform(.sign, on: unit, at: cst("\(day) 09:00"))
            try harness.perform(.contact(note: "上门"), on: unit, at: cst("\(day) 10:00"))
            try harness.perform(.reply(result: "已处理", resolved: false), on: unit, at: cst("\(day) 11:00"))
            harness.syncAll()
            try harness.perform(.review(accept: true, reason: nil), on: "WS", at: cst("\(day) 14:00"))
            try harness.perform(.evaluate(Evaluation(satisfaction: .unsatisfied, resolved: false)), on: "WS", at: cst("\(day) 16:00"))
            harness.syncAll()
        }
        try handle(by: "DX", day: "2026-09-29")
        #expect(harness.state(on: "WS")?.status == .pendingDispatch)
        try harness.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-09-30 09:00"))
        harness.syncAll()
        #expect(harness.state(on: "WS")?.deadline == CivilDate("2026-10-20")!.endInChinaStandardTime)
        try handle(by: "DX", day: "2026-10-08")
        #expect(harness.state(on: "WS")?.status == .pendingEscalation)
        #expect(harness.state(on: "WS")?.unsatisfiedCount == 2)
        try harness.perform(.escalate(lead: "SCJG", co: ["DX"]), on: "WS", at: cst("2026-10-09 09:00"))
        harness.syncAll()
        var state = try #require(harness.state(on: "SCJG"))
        #expect(state.escalated)
        #expect(state.lead == "SCJG")
        #expect(state.status == .pendingSign)
        try handle(by: "SCJG", day: "2026-10-12")
        #expect(harness.state(on: "WS")?.status == .pendingEscalation)
        try harness.perform(.close(reason: "经专责组研究，已尽最大努力"), on: "WS", at: cst("2026-10-13 09:00"))
        state = try #require(harness.state(on: "WS"))
        #expect(state.status == .closed)
        #expect(state.closure == .byOffice(reason: "经专责组研究，已尽最大努力"))
    }

    @Test("unsatisfied but unreasonable closes the ticket; unreachable closes it too", arguments: [
        (Evaluation(satisfaction: .unsatisfied, resolved: false, reasonable: false), TicketState.Closure.unreasonable),
        (Evaluation(satisfaction: .unreachable, resolved: false), TicketState.Closure.unreachable),
        (Evaluation(satisfaction: .basic, resolved: true), TicketState.Closure.satisfied),
    ])
    func closingEvaluations(evaluation: Evaluation, closure: TicketState.Closure) throws {
        var harness = try dispatchedComplaint()
        try harness.perform(.sign, on: "DX", at: cst("2026-09-28 10:00"))
        try harness.perform(.contact(note: "电话"), on: "DX", at: cst("2026-09-28 10:30"))
        try harness.perform(.reply(result: "已处理", resolved: true), on: "DX", at: cst("2026-09-28 11:00"))
        harness.syncAll()
        try harness.perform(.review(accept: true, reason: nil), on: "WS", at: cst("2026-09-28 15:00"))
        try harness.perform(.evaluate(evaluation), on: "WS", at: cst("2026-09-29 15:00"))
        #expect(harness.state(on: "WS")?.closure == closure)
        #expect(harness.state(on: "WS")?.status == .closed)
    }

    @Test("a township keeps its own walk-in and handles it without a dispatch")
    func keptWalkIn() throws {
        var harness = TicketHarness(code: "DX-26-0001")
        var request = Fixtures.complaint(source: .window)
        request.category = .help
        request.keep = true
        try harness.intake(request, on: "DX", at: cst("2026-09-28 09:00"))
        let state = try #require(harness.state(on: "DX"))
        #expect(state.status == .handling)
        #expect(state.lead == "DX")
        #expect(state.deadline == CivilDate("2026-10-10")!.endInChinaStandardTime)
        try harness.perform(.contact(note: "当面"), on: "DX", at: cst("2026-09-28 09:30"))
        try harness.perform(.reply(result: "当场解决", resolved: true), on: "DX", at: cst("2026-09-28 10:00"))
        #expect(harness.state(on: "DX")?.status == .pendingReview)
    }

    @Test("a consultation answered at intake skips handling and waits for evaluation")
    func immediateAnswer() throws {
        var harness = TicketHarness()
        var request = Fixtures.complaint(source: .online)
        request.category = .consult
        request.immediateAnswer = "营业执照可在一区通办线上申领"
        try harness.intake(request, on: "WS", at: cst("2026-09-28 09:00"))
        #expect(harness.state(on: "WS")?.status == .pendingEvaluation)
    }

    @Test("a referral, a correction and a merge are recorded")
    func referralCorrectionMerge() throws {
        var harness = try dispatchedComplaint()
        try harness.perform(.sign, on: "DX", at: cst("2026-09-28 10:00"))
        try harness.perform(.refer(note: "涉及住建、交通，提请专责组协调"), on: "DX", at: cst("2026-09-28 11:00"))
        harness.syncAll()
        try harness.perform(.correct(field: .phone, value: "13800000000"), on: "WS", at: cst("2026-09-28 12:00"))
        var state = try #require(harness.state(on: "WS"))
        #expect(state.referredToCoordination)
        #expect(state.intake.entity.phone == "13800000000")
        try harness.perform(.merge(into: "WS-26-0009"), on: "WS", at: cst("2026-09-28 13:00"))
        state = try #require(harness.state(on: "WS"))
        #expect(state.status == .merged)
        #expect(state.mergedInto == "WS-26-0009")
    }

    @Test("the workstation may re-dispatch a ticket a unit is already handling")
    func reassignment() throws {
        var harness = try dispatchedComplaint()
        try harness.perform(.sign, on: "DX", at: cst("2026-09-28 10:00"))
        harness.syncAll()
        try harness.perform(.dispatch(lead: "QX", co: []), on: "WS", at: cst("2026-09-29 10:00"))
        let state = try #require(harness.state(on: "WS"))
        #expect(state.lead == "QX")
        #expect(state.status == .pendingSign)
        #expect(state.deadline == CivilDate("2026-10-19")!.endInChinaStandardTime)
    }
}
