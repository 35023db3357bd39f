import Foundation
import GongdanCore
import GongdanTesting
import Testing

/// The entity's view of its ticket: plain fixed words, the unit's name, and nothing anyone wrote.
@Suite("The public progress view")
struct PublicProgressTests {
    @Test func theTimelineIsInPlainWordsAndCarriesNoFreeText() throws {
        // Given a ticket signed, contacted, extended and replied to with notes full of personal detail
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(), on: "WS", at: Fixtures.cst("2026-09-28 09:00"))
        try harness.perform(.dispatch(lead: "DX", co: []), on: "WS", at: Fixtures.cst("2026-09-28 10:00"))
        harness.deliver(from: "WS", to: "DX")
        try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 11:00"))
        try harness.perform(.contact(note: "致电黄老板 13800001111"), on: "DX", at: Fixtures.cst("2026-09-29 09:00"))
        try harness.perform(.requestExtension(days: 3, reason: "李经办休假"), on: "DX", at: Fixtures.cst("2026-09-29 10:00"))
        harness.deliver(from: "DX", to: "WS")
        try harness.perform(.decideExtension(approve: true, reason: nil), on: "WS", at: Fixtures.cst("2026-09-29 11:00"))
        let state = try #require(harness.state(on: "WS"))

        // When the entity's view is made
        let progress = PublicProgress(state: state, events: harness.allEvents, unitNames: ["DX": "东兴镇"])

        // Then it names the unit, the extended deadline and the steps, and nothing written by anyone
        #expect(progress.handlingUnit == "东兴镇" && progress.status == .handling && !progress.canEvaluate)
        #expect(progress.deadlineText == PublicProgress.lastDayText(of: try #require(state.deadline)))
        #expect(progress.timeline.map(\.text).first == "已受理（12345热线）")
        #expect(progress.timeline.contains { $0.text.hasPrefix("延期已批准，办理期限延至") })
        let everything = String(decoding: try GongdanJSON.encoder().encode(progress), as: UTF8.self)
        for secret in ["13800001111", "黄老板", "李经办", "0775-4331430", "港南区好味餐馆", "门店前道路施工", "李镇", "王工作站", "ABC234"] {
            #expect(!everything.contains(secret), "\(secret)")
        }
    }
}
