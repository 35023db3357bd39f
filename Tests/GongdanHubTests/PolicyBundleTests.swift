import Foundation
import Testing
import GongdanCore
import GongdanNode
import GongdanStore
import GongdanSync
import GongdanTesting

/// A township that only syncs by file gets the district policy from the hub's reply bundle.
@Suite("District policy in reply bundles")
struct PolicyBundleTests {
    @Test("an offline township gets the year and the limits the hub set from its reply bundle")
    func replyCarriesPolicy() async throws {
        // Given a hub that loaded 2027 and set the signing limit to 3 working days
        let district = try BundleExchangeTests.District()
        defer { district.directory.remove() }
        let schedule = HolidaySchedule(year: 2027, source: "测试用 2027 年安排",
                                       holidays: [CivilDate("2027-01-01")!, CivilDate("2027-01-02")!, CivilDate("2027-01-03")!],
                                       workdays: [])
        try district.hub.loadCalendar([schedule], by: "区政务办", now: district.clock)
        try district.hub.setHandlingPolicy(HandlingPolicy(signingWorkingDays: 3), by: "区政务办", now: district.clock)

        // When township DX, which only syncs by file, exports, the hub imports and DX imports the reply
        let export = try district.bundleExchange().export(now: district.clock)
        let taken = try district.hub.importBundle(export.file, now: district.clock)
        let applied = try district.bundleExchange().importReply(taken.reply, now: district.clock)

        // Then DX holds the hub's policy and computes with it
        #expect(applied.policyUpdated)
        #expect(applied.calendarDisagreements.isEmpty)
        #expect(try district.dx.store.hubPolicy() == (try district.hub.syncedPolicy()))
        #expect(try district.dx.store.hubPolicyDigest() == (try district.hub.syncedPolicy().digest))
        let policy = try district.dx.store.districtPolicy()
        #expect(!policy.calendar.isWorkingDay(CivilDate("2027-01-01")!))
        #expect(policy.handling(at: district.clock).signingWorkingDays == 3)

        // And importing the same reply again changes nothing
        let again = try district.bundleExchange().importReply(taken.reply, now: district.clock)
        #expect(!again.policyUpdated)
    }
}
