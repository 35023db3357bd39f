import Foundation
import Testing
import GongdanCore
import GongdanSync
import GongdanTesting
@testable import GongdanStore

/// The district policy as the hub stores it (migration "hub v10") and sends it (`GET /sync/state`,
/// §5.7), on a real database file.
@Suite("District policy at the hub")
struct DistrictPolicyStoreTests {
    static let schedule2027 = HolidaySchedule(
        year: 2027, source: "测试用 2027 年安排",
        holidays: [CivilDate("2027-01-01")!, CivilDate("2027-01-02")!, CivilDate("2027-01-03")!], workdays: [])

    @Test("a year loaded at the hub is in its policy, recorded with who loaded it, and survives reopening the database")
    func yearLoaded() throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        // Given 2027 falls back to Monday–Friday (Friday 1 January counts as a working day)
        #expect(try hub.store.districtPolicy().calendar.isWorkingDay(CivilDate("2027-01-01")!))

        // When the hub loads the 2027 schedule
        try hub.store.loadCalendar([Self.schedule2027], by: "区政务办", now: hub.now)

        // Then its policy has it, also after the database is opened again
        let reopened = try HubStore(path: hub.store.path)
        #expect(try !reopened.districtPolicy().calendar.isWorkingDay(CivilDate("2027-01-01")!))
        let years = try reopened.loadedYears()
        #expect(years.map(\.year) == [2027])
        #expect(years.first?.loadedBy == "区政务办")
        #expect(years.first?.holidays == 3)
        #expect(try reopened.syncedPolicy().years == [Self.schedule2027])
    }

    @Test("handling limits set at the hub apply from the second they were set; a limit out of range is refused and changes nothing")
    func limitsFromNowOn() throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        let set = Fixtures.cst("2026-10-12 10:00").addingTimeInterval(0.4)

        // When the hub sets the signing limit to 3 working days
        let version = try hub.store.setHandlingPolicy(HandlingPolicy(signingWorkingDays: 3), by: "区政务办", now: set)

        // Then events stamped before keep the default, events from that second on get 3
        let policy = try hub.store.districtPolicy()
        #expect(version.effectiveFrom == Fixtures.cst("2026-10-12 10:00"))
        #expect(policy.handling(at: Fixtures.cst("2026-10-12 09:59")).signingWorkingDays == 1)
        #expect(policy.handling(at: Fixtures.cst("2026-10-12 10:00")).signingWorkingDays == 3)

        // And a limit out of its range is refused with what to do, nothing stored
        #expect(throws: PolicyError.outOfRange(field: .maxExtensionDays, value: 500, allowed: HandlingPolicy.extensionRange)) {
            try hub.store.setHandlingPolicy(HandlingPolicy(maxExtensionDays: 500), by: "区政务办", now: hub.now)
        }
        #expect(try hub.store.syncedPolicy().versions == [version])
        #expect(PolicyError.outOfRange(field: .signingDays, value: 0, allowed: 1...10).chineseDescription.contains("gongdan hub config --signing-days"))
    }

    @Test("the state answer carries the policy's digest, and the policy itself only when the node's digest differs")
    func stateCarriesPolicy() throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        try hub.store.loadCalendar([Self.schedule2027], by: "区政务办", now: hub.now)
        let node = try hub.node("DX")

        // When a node that holds no policy asks, it gets the policy and its digest
        let first = try hub.store.syncState(for: node, now: hub.now, policyDigest: nil)
        let policy = try #require(first.policy)
        #expect(policy.years.map(\.year) == [2027])
        #expect(first.policyDigest == policy.digest)

        // When it asks again with that digest, the policy is left out
        let second = try hub.store.syncState(for: node, now: hub.now, policyDigest: policy.digest)
        #expect(second.policy == nil)
        #expect(second.policyDigest == policy.digest)

        // And the digest survives the wire: the decoded policy has the same one
        let wire = try GongdanJSON.decoder().decode(SyncState.self, from: try GongdanJSON.encoder().encode(first))
        #expect(wire.policy?.digest == first.policyDigest)
    }

    @Test("loading a year at the hub folds again the tickets whose dates reach into it, and only those")
    func loadRefolds() throws {
        // Given a hub holding a ticket dispatched in October 2026 (its dates all in 2026)
        let hub = try HubFixture.withSignedTicket()
        defer { hub.remove() }
        // When 2027 is loaded, nothing reaches into it: nothing is folded again
        #expect(try hub.store.loadCalendar([Self.schedule2027], by: "区政务办", now: hub.now) == 0)
        // When 2026 is loaded again (a corrected schedule), the ticket is folded again
        #expect(try hub.store.loadCalendar([HolidaySchedule.official2026], by: "区政务办", now: hub.now) == 1)
    }
}
