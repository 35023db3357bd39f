import Foundation
import Testing
import GongdanCore
import GongdanTesting

/// Issue 11, item 5: which fields travel sealed and which units read them (`docs/privacy.md`).
@Suite("Contact privacy rules")
struct ContactPrivacyTests {
    static func report() -> IntakeRequest {
        IntakeRequest(category: .report, source: .online,
                      entity: BusinessEntity(name: "陈记五金店", creditCode: "91450800MA5K00000F", contact: "陈国强", phone: "13800771234"),
                      summary: "邻近无证经营")
    }

    func harness(_ request: IntakeRequest, lead: String = "DX", co: [String] = []) throws -> TicketHarness {
        var harness = TicketHarness()
        try harness.intake(request, on: "WS", at: Fixtures.cst("2026-09-28 09:00"))
        try harness.perform(.dispatch(lead: lead, co: co), on: "WS", at: Fixtures.cst("2026-09-28 10:00"))
        return harness
    }

    @Test("a complaint seals its contact and phone; a report its reporter's name and credit code as well")
    func fieldsToSeal() throws {
        let complaint = try #require(try harness(Fixtures.complaint()).allEvents.first)
        #expect(ContactPrivacy.fieldsToSeal(in: complaint, category: nil) == [.contact, .phone])
        let report = try #require(try harness(Self.report()).allEvents.first)
        #expect(ContactPrivacy.fieldsToSeal(in: report, category: nil) == [.entityName, .creditCode, .contact, .phone])
    }

    @Test("a correction seals its value when the field is sealed on the ticket's category, and a cleared value seals nothing")
    func correctionsSeal() throws {
        var harness = try harness(Fixtures.complaint())
        let phone = try harness.perform(.correct(field: .phone, value: "13907751234"), on: "WS", at: Fixtures.cst("2026-09-28 11:00"))
        let name = try harness.perform(.correct(field: .entityName, value: "好味餐馆（港南店）"), on: "WS", at: Fixtures.cst("2026-09-28 11:10"))
        let cleared = try harness.perform(.correct(field: .contact, value: ""), on: "WS", at: Fixtures.cst("2026-09-28 11:20"))
        #expect(ContactPrivacy.fieldsToSeal(in: phone, category: .complaint) == [.phone])
        #expect(ContactPrivacy.fieldsToSeal(in: name, category: .complaint).isEmpty)
        #expect(ContactPrivacy.fieldsToSeal(in: name, category: .report) == [.entityName])
        #expect(ContactPrivacy.fieldsToSeal(in: cleared, category: .complaint).isEmpty)
    }

    @Test("a complaint's lead and co-units read its contact; a report's lead only once the workstation released it to that lead")
    func readers() throws {
        let complaint = try #require(try harness(Fixtures.complaint(), co: ["SCJG"]).state(on: "WS"))
        #expect(ContactPrivacy.unitReaders(of: complaint) == ["DX", "SCJG"])
        #expect(ContactPrivacy.mayRead(role: .township, unit: "QX", state: complaint) == false)
        #expect(ContactPrivacy.mayRead(role: .workstation, unit: nil, state: complaint))

        var report = try harness(Self.report(), co: ["SCJG"])
        #expect(ContactPrivacy.unitReaders(of: try #require(report.state(on: "WS"))).isEmpty)
        try report.perform(.releaseContact(reason: "需当面核实"), on: "WS", at: Fixtures.cst("2026-09-28 11:00"))
        let released = try #require(report.state(on: "WS"))
        #expect(released.contactReleasedTo == ["DX"] && ContactPrivacy.unitReaders(of: released) == ["DX"])
        // A release is to one lead: once the report moves to QX, nobody reads it until a new release
        try report.perform(.dispatch(lead: "QX", co: []), on: "WS", at: Fixtures.cst("2026-09-28 12:00"))
        #expect(ContactPrivacy.unitReaders(of: try #require(report.state(on: "WS"))).isEmpty)
    }

    @Test("only the workstation releases, only on a report, only to its current lead, and only once")
    func releaseRules() throws {
        var complaint = try harness(Fixtures.complaint())
        #expect(throws: TicketError.self) {
            try complaint.perform(.releaseContact(reason: "核实"), on: "WS", at: Fixtures.cst("2026-09-28 11:00"))
        }
        var report = try harness(Self.report())
        report.deliver(from: "WS", to: "DX")
        #expect(throws: TicketError.self) {
            try report.perform(.releaseContact(reason: "核实"), on: "DX", at: Fixtures.cst("2026-09-28 11:00"))
        }
        try report.perform(.releaseContact(reason: "核实"), on: "WS", at: Fixtures.cst("2026-09-28 11:00"))
        #expect(throws: TicketError.self) {
            try report.perform(.releaseContact(reason: "再次"), on: "WS", at: Fixtures.cst("2026-09-28 11:10"))
        }
        // A forged release to a unit that does not lead the ticket is refused by the table and ignored by the fold
        let state = try #require(report.state(on: "WS"))
        let forged = report.forge(.contactReleased(to: "QX", reason: "x"), on: "WS", at: Fixtures.cst("2026-09-28 11:20"))
        #expect(!TicketRules.admits(forged, on: state, policy: .official))
        #expect(try #require(report.state(on: "WS")).contactReleasedTo == ["DX"])
    }

    @Test("a conflict between two corrections of a sealed field names the events, not the values")
    func conflictTextsHoldNoSealedValue() throws {
        // Two workstation terminals correct the phone without seeing each other's work
        let second = Actor(node: "WS2", role: .workstation, unit: nil, person: "刘工作站")
        var harness = TicketHarness(actors: [Fixtures.workstation, second, Fixtures.dongxing])
        try harness.intake(Fixtures.complaint(), on: "WS", at: Fixtures.cst("2026-09-28 09:00"))
        harness.deliver(from: "WS", to: "WS2")
        try harness.perform(.correct(field: .phone, value: "13907751234"), on: "WS", at: Fixtures.cst("2026-09-28 10:00"))
        try harness.perform(.correct(field: .phone, value: "13907759999"), on: "WS2", at: Fixtures.cst("2026-09-28 10:20"))
        let events = harness.allEvents
        let state = try #require(TicketFold.fold(events))
        let conflicts = ConflictDetector.detect(events: events, state: state)
        #expect(conflicts.map(\.kind) == [.concurrentCorrection])
        for conflict in conflicts {
            #expect(!conflict.summary.contains("1390775") && !conflict.decision.contains("1390775"))
        }
    }
}
