import Foundation
import Testing
import GongdanCore
import GongdanTesting

/// What the decider refuses, and that each refusal says what would help.
@Suite("Refused actions")
struct TicketRefusalTests {
    let cst = Fixtures.cst

    func dispatched() throws -> TicketHarness {
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(), on: "WS", at: cst("2026-09-28 08:30"))
        try harness.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-09-28 09:00"))
        harness.syncAll()
        return harness
    }

    @Test("a unit can never evaluate, review, dispatch, decide an extension, escalate, close or merge", arguments: [
        TicketCommand.evaluate(Evaluation(satisfaction: .satisfied, resolved: true)),
        .review(accept: true, reason: nil), .dispatch(lead: "QX", co: []), .decideExtension(approve: true, reason: nil),
        .escalate(lead: "QX", co: []), .close(reason: "x"), .merge(into: "WS-26-0002"),
    ])
    func unitsCannotActAsWorkstation(command: TicketCommand) throws {
        var harness = try dispatched()
        #expect(throws: TicketError.roleForbidden(role: .township, action: command.action)) {
            try harness.perform(command, on: "DX", at: cst("2026-09-28 10:00"))
        }
    }

    @Test("the workstation cannot sign, return, ask for an extension, refer or reply", arguments: [
        TicketCommand.sign, .returnTicket(reason: "x"), .requestExtension(days: 2, reason: "x"), .refer(note: "x"),
        .reply(result: "x", resolved: true),
    ])
    func workstationCannotActAsUnit(command: TicketCommand) throws {
        var harness = try dispatched()
        #expect(throws: TicketError.roleForbidden(role: .workstation, action: command.action)) {
            try harness.perform(command, on: "WS", at: cst("2026-09-28 10:00"))
        }
    }

    @Test("a unit the ticket is not assigned to cannot sign it")
    func otherUnitCannotSign() throws {
        var harness = try dispatched()
        #expect(throws: TicketError.notAssignee(ticket: "WS-26-0001", unit: "QX", lead: "DX", action: .sign)) {
            try harness.perform(.sign, on: "QX", at: cst("2026-09-28 10:00"))
        }
    }

    @Test("replying before signing is refused with the ticket, its state and the next commands")
    func replyBeforeSign() throws {
        var harness = try dispatched()
        do {
            try harness.perform(.reply(result: "x", resolved: true), on: "DX", at: cst("2026-09-28 10:00"))
            Issue.record("the reply should have been refused")
        } catch {
            guard case .notAllowed(let ticket, let status, let action, let next) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(ticket == "WS-26-0001")
            #expect(status == .pendingSign)
            #expect(action == .reply)
            #expect(next.contains("gongdan ticket sign WS-26-0001"))
            #expect(error.description.contains("WS-26-0001 is pendingSign"))
        }
    }

    @Test("a reply without a recorded contact is refused and points to `ticket contact`")
    func replyNeedsContact() throws {
        var harness = try dispatched()
        try harness.perform(.sign, on: "DX", at: cst("2026-09-28 10:00"))
        #expect(throws: TicketError.self) { try harness.perform(.reply(result: "x", resolved: true), on: "DX", at: cst("2026-09-28 11:00")) }
        do { try harness.perform(.reply(result: "x", resolved: true), on: "DX", at: cst("2026-09-28 11:00")) } catch {
            #expect(error.description.contains("gongdan ticket contact WS-26-0001"))
        }
    }

    @Test("dispatching to a unit not in the directory names the unit and how to add it")
    func unknownUnit() throws {
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(), on: "WS", at: cst("2026-09-28 08:30"))
        #expect(throws: TicketError.unknownUnit("NOPE")) {
            try harness.perform(.dispatch(lead: "NOPE", co: []), on: "WS", at: cst("2026-09-28 09:00"))
        }
        #expect(TicketError.unknownUnit("NOPE").description.contains("gongdan unit add NOPE"))
    }

    @Test("a lead cannot also be a co-unit")
    func leadIsNotCoUnit() throws {
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(), on: "WS", at: cst("2026-09-28 08:30"))
        #expect(throws: TicketError.self) {
            try harness.perform(.dispatch(lead: "DX", co: ["DX"]), on: "WS", at: cst("2026-09-28 09:00"))
        }
    }

    @Test("evaluating before the reply is accepted is refused")
    func evaluateTooEarly() throws {
        var harness = try dispatched()
        #expect(throws: TicketError.self) {
            try harness.perform(.evaluate(Evaluation(satisfaction: .satisfied, resolved: true)), on: "WS", at: cst("2026-09-28 10:00"))
        }
    }

    @Test("nothing can be done to a closed ticket except a correction")
    func closedIsFinal() throws {
        var harness = TicketHarness()
        var request = Fixtures.complaint(source: .online)
        request.category = .consult
        request.immediateAnswer = "答复"
        try harness.intake(request, on: "WS", at: cst("2026-09-28 09:00"))
        try harness.perform(.evaluate(Evaluation(satisfaction: .satisfied, resolved: true)), on: "WS", at: cst("2026-09-28 10:00"))
        for command in [TicketCommand.dispatch(lead: "DX", co: []), .escalate(lead: "DX", co: []), .merge(into: "X-26-0001")] {
            #expect(throws: TicketError.self) { try harness.perform(command, on: "WS", at: cst("2026-09-28 11:00")) }
        }
        try harness.perform(.correct(field: .contact, value: "黄先生"), on: "WS", at: cst("2026-09-28 11:00"))
    }

    @Test("an extension beyond the policy's maximum, or a second pending one, is refused")
    func extensionLimits() throws {
        var harness = try dispatched()
        try harness.perform(.sign, on: "DX", at: cst("2026-09-28 10:00"))
        #expect(throws: TicketError.self) { try harness.perform(.requestExtension(days: 0, reason: "x"), on: "DX", at: cst("2026-09-28 11:00")) }
        #expect(throws: TicketError.self) { try harness.perform(.requestExtension(days: 31, reason: "x"), on: "DX", at: cst("2026-09-28 11:00")) }
        try harness.perform(.requestExtension(days: 3, reason: "x"), on: "DX", at: cst("2026-09-28 11:00"))
        #expect(throws: TicketError.self) { try harness.perform(.requestExtension(days: 3, reason: "x"), on: "DX", at: cst("2026-09-28 12:00")) }
        #expect(throws: TicketError.self) { try harness.perform(.decideExtension(approve: false, reason: nil), on: "WS", at: cst("2026-09-28 12:00")) }
    }

    @Test("intake refuses bad input with the flag to fix", arguments: [
        ("", "--entity"), ("summary", "--summary"), ("credit", "credit code"), ("phone", "--phone"),
        ("hotlineTime", "--hotline-received-at"), ("future", "future"), ("unitHotline", "only the workstation"),
    ])
    func intakeValidation(mistake: String, mentions: String) throws {
        var request = Fixtures.complaint()
        var actor = "WS"
        switch mistake {
        case "": request.entity.name = "  "
        case "summary": request.summary = ""
        case "credit": request.entity.creditCode = "91450800MA5K000000"
        case "phone": request.entity.phone = "call me"
        case "hotlineTime": request.hotlineReceivedAt = nil
        case "future": request.hotlineReceivedAt = cst("2026-09-30 08:00")
        default: actor = "DX"
        }
        var harness = TicketHarness()
        do {
            try harness.intake(request, on: actor, at: cst("2026-09-28 09:00"))
            Issue.record("intake should have been refused")
        } catch {
            #expect(error.description.contains(mentions))
        }
    }

    @Test("a valid unified social credit code passes its check character")
    func creditCodeCheck() throws {
        try CreditCode.validate("91350100M000100Y43")
        #expect(throws: TicketError.self) { try CreditCode.validate("91350100M000100Y45") }
    }
}
