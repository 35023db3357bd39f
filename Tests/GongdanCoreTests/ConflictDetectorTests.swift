import Foundation
import GongdanCore
import GongdanTesting
import Testing

@Suite("Matter similarity")
struct MatterSimilarityTests {
    @Test func theSameMatterInOtherWordsIsAlike() {
        #expect(MatterSimilarity.score("门店前道路施工三个月未完工", "门店前道路施工三个月未完工") == 1)
        #expect(MatterSimilarity.isAlike("门店前道路施工三个月未完工，影响经营", "门店前道路施工三个月还没完工"))
        #expect(MatterSimilarity.score("门店前道路施工，影响经营！", "门店前道路施工影响经营") == 1)
    }

    @Test func differentMattersAreNotAlike() {
        #expect(!MatterSimilarity.isAlike("门店前道路施工三个月未完工", "申请办理食品经营许可证"))
        #expect(MatterSimilarity.score("", "门店") == 0)
    }
}

@Suite("Conflict detector")
struct ConflictDetectorTests {
    /// README §6: DX works offline on the ticket while the workstation re-dispatches it to QX.
    func offlineRedispatch(redispatchAt: String) throws -> TicketHarness {
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(), on: "WS", at: Fixtures.cst("2026-09-28 09:00"))
        try harness.perform(.dispatch(lead: "DX", co: []), on: "WS", at: Fixtures.cst("2026-09-28 10:00"))
        harness.deliver(from: "WS", to: "DX")
        try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 11:00"))
        try harness.perform(.contact(note: "电话联系"), on: "DX", at: Fixtures.cst("2026-09-28 14:00"))
        try harness.perform(.reply(result: "已协调撤除围挡", resolved: true), on: "DX", at: Fixtures.cst("2026-09-29 10:00"))
        try harness.perform(.dispatch(lead: "QX", co: []), on: "WS", at: Fixtures.cst(redispatchAt))
        return harness
    }

    @Test func aReplyMadeOfflineWhileTheTicketWasTakenAwayIsOneHandedOverReplyConflict() throws {
        // Given the re-dispatch happened before DX's offline work (by the hybrid clock)
        let harness = try offlineRedispatch(redispatchAt: "2026-09-28 10:30")
        let events = harness.allEvents
        let state = try #require(TicketFold.fold(events))

        // When the hub looks for conflicts
        let conflicts = ConflictDetector.detect(events: events, state: state)

        // Then one handed-over reply names DX's events and WS#3, and detecting again gives the same
        #expect(conflicts.map(\.kind) == [.handedOverReply])
        #expect(conflicts[0].events.contains(EventID(origin: "DX", seq: 3)))
        #expect(conflicts[0].events.last == EventID(origin: "WS", seq: 3))
        #expect(state.lead == "QX")
        #expect(ConflictDetector.detect(events: events.reversed(), state: state) == conflicts)
    }

    @Test func aReDispatchThatArrivesAfterTheUnitRepliedStillStandsAndHandsTheReplyOver() throws {
        // Given the re-dispatch came after DX's reply (by the hybrid clock) but without seeing it
        let harness = try offlineRedispatch(redispatchAt: "2026-09-29 15:00")
        let events = harness.allEvents
        let state = try #require(TicketFold.fold(events))

        let conflicts = ConflictDetector.detect(events: events, state: state)

        // Then the workstation's authority decides assignment whatever the interleaving (DESIGN §5):
        // QX leads, DX's reply is kept and handed over, and the queue says so
        #expect(state.lead == "QX")
        #expect(state.status == .pendingSign)
        #expect(!state.supersededEvents.contains(EventID(origin: "WS", seq: 3)))
        #expect(state.handedOverReplies.map(\.unit) == ["DX"])
        #expect(conflicts.map(\.kind) == [.handedOverReply])
        #expect(conflicts[0].events.last == EventID(origin: "WS", seq: 3))
    }

    @Test func twoConcurrentCorrectionsOfOneFieldAreAConflictWonByTheLaterClock() throws {
        // Given a walk-in taken at DX, corrected concurrently at DX and at the workstation
        var harness = TicketHarness(code: "DX-26-0001")
        try harness.intake(Fixtures.complaint(source: .window), on: "DX", at: Fixtures.cst("2026-09-28 09:00"))
        harness.deliver(from: "DX", to: "WS")
        try harness.perform(.correct(field: .entityName, value: "好味餐馆（港南店）"), on: "DX", at: Fixtures.cst("2026-09-28 10:00"))
        try harness.perform(.correct(field: .entityName, value: "港南区好味餐馆有限公司"), on: "WS", at: Fixtures.cst("2026-09-28 11:00"))
        let events = harness.allEvents
        let state = try #require(TicketFold.fold(events))

        let conflicts = ConflictDetector.detect(events: events, state: state)

        #expect(conflicts.map(\.kind) == [.concurrentCorrection])
        #expect(state.intake.entity.name == "港南区好味餐馆有限公司")
        #expect(conflicts[0].decision.contains("港南区好味餐馆有限公司"))
    }

    @Test func aSecondIntakeOfTheSameMatterFromTheSameEntityWithinAWeekIsALikelyDuplicate() {
        let first = IntakeRecord(code: "WS-26-0001", entityName: "港南区好味餐馆", creditCode: nil,
                                 summary: "门店前道路施工三个月未完工，影响经营", createdAt: Fixtures.cst("2026-09-28 09:00"),
                                 createdEvent: EventID(origin: "WS", seq: 1))
        var second = IntakeRecord(code: "DX-26-0004", entityName: "港南区好味餐馆", creditCode: nil,
                                  summary: "门店前道路施工三个月还没完工", createdAt: Fixtures.cst("2026-09-30 09:00"),
                                  createdEvent: EventID(origin: "DX", seq: 9))

        let found = ConflictDetector.duplicateIntakes(of: second, among: [first])
        #expect(found.map(\.kind) == [.duplicateIntake])
        #expect(found.first?.ticket == "DX-26-0004")
        #expect(found.first?.events == [first.createdEvent, second.createdEvent])

        second.createdAt = Fixtures.cst("2026-10-09 09:00")
        #expect(ConflictDetector.duplicateIntakes(of: second, among: [first]).isEmpty)
        second.createdAt = Fixtures.cst("2026-09-30 09:00")
        second.summary = "申请办理食品经营许可证"
        #expect(ConflictDetector.duplicateIntakes(of: second, among: [first]).isEmpty)
    }
}
