import Foundation
import Testing
import GongdanCore
import GongdanTesting

/// The fold keeps every spell of a ticket with a unit, for supervision and scoring.
@Suite("Handling rounds")
struct HandlingRoundTests {
    let cst = Fixtures.cst

    @Test("a return, a re-dispatch and an extension each leave their mark on the right round")
    func returnRedispatchExtension() throws {
        // Given QX returns the ticket, DX gets it, signs, is granted 5 more days and completes it
        var desk = try TicketDesk("WS-26-0001", received: "2026-10-11 16:00", created: "2026-10-12 08:00")
        try desk.dispatch(to: "QX", "2026-10-12 09:00")
        try desk.giveBack("QX", "2026-10-12 11:00")
        try desk.dispatch(to: "DX", "2026-10-12 14:00")
        try desk.sign("DX", "2026-10-13 09:00")
        try desk.run("DX", .requestExtension(days: 5, reason: "需等待施工方"), "2026-10-15 10:00")
        try desk.run("WS", .decideExtension(approve: true, reason: nil), "2026-10-15 11:00")
        try desk.reply("DX", "2026-10-21 10:00")
        try desk.reject("2026-10-21 15:00")
        try desk.complete("DX", replied: "2026-10-22 10:00", accepted: "2026-10-22 15:00")
        try desk.evaluate(.satisfied, resolved: true, "2026-10-23 10:00")

        // When the history is folded
        let rounds = desk.state.rounds

        // Then QX's round ended with its return, unsigned; DX's carries the extended deadline and the rest
        #expect(rounds.map(\.unit) == ["QX", "DX"])
        #expect(rounds[0].returnedAt == cst("2026-10-12 11:00"))
        #expect(rounds[0].endedAt == cst("2026-10-12 11:00"))
        #expect(rounds[0].signedAt == nil)
        #expect(rounds[1].kind == .dispatch)
        #expect(rounds[1].signBy == CivilDate("2026-10-13")!.endInChinaStandardTime)
        #expect(rounds[1].signedAt == cst("2026-10-13 09:00"))
        #expect(rounds[1].deadline == CivilDate("2026-10-26")!.endInChinaStandardTime)
        #expect(rounds[1].extensionDaysGranted == 5)
        #expect(rounds[1].rejectedReplies == 1)
        #expect(rounds[1].repliedAt == cst("2026-10-22 10:00"))
        #expect(rounds[1].acceptedAt == cst("2026-10-22 15:00"))
        #expect(rounds[1].evaluation?.satisfaction == .satisfied)
        #expect(rounds[1].endedAt == cst("2026-10-23 10:00"))
    }

    @Test("a walk-in kept by a township and a consultation answered at intake open their own rounds")
    func keptAndImmediate() throws {
        var kept = TicketHarness(code: "DX-26-0001")
        var request = Fixtures.complaint(source: .window)
        request.keep = true
        try kept.intake(request, on: "DX", at: cst("2026-10-12 09:00"))
        let keptRound = try #require(kept.state(on: "DX")?.rounds.first)
        #expect(keptRound.kind == .kept)
        #expect(keptRound.unit == "DX")
        #expect(keptRound.signBy == nil)
        #expect(keptRound.signedAt == cst("2026-10-12 09:00"))

        var answered = TicketHarness(code: "DX-26-0002")
        var consult = Fixtures.complaint(source: .window)
        consult.category = .consult
        consult.immediateAnswer = "营业执照可在政务服务中心一窗办理"
        try answered.intake(consult, on: "DX", at: cst("2026-10-12 10:00"))
        let answeredRound = try #require(answered.state(on: "DX")?.rounds.first)
        #expect(answeredRound.kind == .immediateAnswer)
        #expect(answeredRound.acceptedAt == cst("2026-10-12 10:00"))
        #expect(answeredRound.deadline == nil)
    }
}
