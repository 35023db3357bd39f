import Foundation
import GRDB
import Testing
import GongdanCore
import GongdanNode
import GongdanSync
import GongdanTesting
@testable import GongdanStore

/// The hub's copy of the district policy in a replica (migration "v6"), kept apart from the years
/// loaded on the node itself, on a real database file.
@Suite("The hub's policy in a replica")
struct HubPolicyReplicaTests {
    static func schedule(_ year: Int, _ source: String, off: [String]) -> HolidaySchedule {
        HolidaySchedule(year: year, source: source, holidays: off.map { CivilDate($0)! }, workdays: [])
    }

    static let hub2027 = schedule(2027, "中心的 2027 年安排", off: ["2027-01-01", "2027-01-02", "2027-01-03"])
    static let local2027 = schedule(2027, "本地的 2027 年安排", off: ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"])
    static let local2028 = schedule(2028, "本地的 2028 年安排", off: ["2028-01-03"])

    @Test("the hub's year wins over the node's own, the node's own year the hub lacks still counts, and the disagreement is listed")
    func hubWins() throws {
        let directory = try TemporaryDirectory("hub-policy-replica")
        defer { directory.remove() }
        let path = directory.path("replica.sqlite")
        // Given a node that loaded 2027 (with Monday 4 January off) and 2028 itself while offline
        let replica = try ReplicaStore(path: path)
        #expect(try replica.saveSchedules([Self.local2027, Self.local2028]).isEmpty)
        #expect(try !replica.calendar().isWorkingDay(CivilDate("2027-01-04")!))

        // When it takes the hub's policy, with another 2027 and a signing limit of 3 days
        let limits = DistrictPolicy.Version(effectiveFrom: Fixtures.cst("2026-10-12 10:00"), handling: HandlingPolicy(signingWorkingDays: 3))
        let policy = SyncedPolicy(years: [Self.hub2027], versions: [limits])
        let adoption = try replica.adoptHubPolicy(policy, digest: policy.digest, asOf: Fixtures.cst("2026-10-12 11:00"))

        // Then the hub's 2027 is used, the node's 2028 still is, and the limits are the hub's
        #expect(adoption.changed)
        let reopened = try ReplicaStore(path: path)
        let district = try reopened.districtPolicy()
        #expect(district.calendar.isWorkingDay(CivilDate("2027-01-04")!))
        #expect(!district.calendar.isWorkingDay(CivilDate("2028-01-03")!))
        #expect(district.calendar.schedule(for: 2028)?.source == "本地的 2028 年安排")
        #expect(district.handling(at: Fixtures.cst("2026-10-12 10:00")).signingWorkingDays == 3)
        #expect(try reopened.hubPolicyDigest() == policy.digest)
        #expect(try reopened.hubPolicy() == policy)
        // …and the disagreement names the year, both notices and the date counted differently
        let expected = CalendarDisagreement(year: 2027, localSource: "本地的 2027 年安排", hubSource: "中心的 2027 年安排",
                                            dates: [CivilDate("2027-01-04")!])
        #expect(adoption.disagreements == [expected])
        #expect(try reopened.calendarDisagreements() == [expected])
        // …also when the node loads its file again
        #expect(try reopened.saveSchedules([Self.local2027]) == [expected])
    }

    @Test("taking a new year folds again the tickets whose deadlines reach into it, and not the others")
    func scopedRefold() throws {
        let directory = try TemporaryDirectory("hub-policy-refold")
        defer { directory.remove() }
        let store = try ReplicaStore(path: directory.path("ws.sqlite"))
        func desk(_ time: String) -> NodeService { NodeService(store: store, person: "王", now: { Fixtures.cst(time) }) }
        _ = try desk("2026-10-12 09:00").initialize(role: .workstation, code: "WS", name: "港南区工作站")
        _ = try desk("2026-10-12 09:00").addUnit(code: "DX", name: "东兴镇", kind: .township)
        // Given a consultation dispatched in October (deadline in October) and one on 30 December
        // (deadline, Monday–Friday, the end of Monday 4 January 2027)
        var codes: [String] = []
        for time in ["2026-10-12 09:00", "2026-12-30 09:00"] {
            let ticket = try desk(time).createTicket(IntakeRequest(category: .consult, source: .window,
                                                                   entity: BusinessEntity(name: "东兴五金店"), summary: "营业执照变更咨询"))
            _ = try desk(time).perform(.dispatch(lead: "DX", co: []), on: ticket.code)
            codes.append(ticket.code)
        }
        let deadline = { (code: String) throws -> Int64? in
            try store.db.read { db in try Int64.fetchOne(db, sql: "SELECT deadline FROM tickets WHERE code = ?", arguments: [code]) }
        }
        #expect(try deadline(codes[1]) == CivilDate("2027-01-04")!.endInChinaStandardTime.millis)

        // When the hub's 2027 arrives
        let policy = SyncedPolicy(years: [Self.hub2027])
        let adoption = try store.adoptHubPolicy(policy, digest: policy.digest, asOf: Fixtures.cst("2026-12-30 10:00"))

        // Then only the December ticket was folded again, and its deadline skips the New Year holidays
        #expect(adoption.refolded == 1)
        #expect(try deadline(codes[1]) == CivilDate("2027-01-05")!.endInChinaStandardTime.millis)
    }

    @Test("a policy older than the one held (a reply bundle imported late) changes nothing")
    func olderPolicyIgnored() throws {
        let directory = try TemporaryDirectory("hub-policy-replica")
        defer { directory.remove() }
        let replica = try ReplicaStore(path: directory.path("replica.sqlite"))
        let newer = SyncedPolicy(years: [Self.hub2027])
        _ = try replica.adoptHubPolicy(newer, digest: newer.digest, asOf: Fixtures.cst("2026-12-30 10:00"))

        // When a policy the hub held earlier arrives
        let older = SyncedPolicy.empty
        let adoption = try replica.adoptHubPolicy(older, digest: older.digest, asOf: Fixtures.cst("2026-12-29 10:00"))

        // Then the newer stays
        #expect(!adoption.changed)
        #expect(try replica.hubPolicy() == newer)
    }

    @Test("the same policy always has the same digest, and a different one another")
    func digest() throws {
        let a = SyncedPolicy(years: [Self.hub2027], versions: [])
        let b = try GongdanJSON.decoder().decode(SyncedPolicy.self, from: try GongdanJSON.encoder().encode(a))
        #expect(a.digest == b.digest)
        #expect(a.digest != SyncedPolicy.empty.digest)
        #expect(a.digest.count == 64)
    }
}
