import Foundation
import GRDB
import Testing
import GongdanCore
import GongdanStore
import GongdanTesting

/// The district policy set at a real hub process (`gongdan hub calendar load`, `gongdan hub config`)
/// reaching nodes driven through the real `gongdan` binary over HTTP on 127.0.0.1 (docs/policy.md).
@Suite("District policy from the hub", .serialized)
struct DistrictPolicyTests {
    /// A 2027 schedule for the tests: New Year's Day off from Friday 1 January through Sunday 3 January.
    static let schedule2027 = """
        {"year": 2027, "source": "测试用 2027 年安排", "holidays": ["2027-01-01", "2027-01-02", "2027-01-03"], "workdays": []}
        """

    /// The same year as a node might have loaded it by mistake: Monday 4 January off as well.
    static let wrong2027 = """
        {"year": 2027, "source": "误传的 2027 年安排", "holidays": ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"], "workdays": []}
        """

    static let consult = ["ticket", "new", "--category", "consult", "--source", "window",
                          "--entity", "东兴五金店", "--summary", "营业执照变更咨询"]

    /// (sign_by, deadline) of `ticket` in the projection of the database at `path`, once the hub
    /// (which folds a push after answering it) has folded every event it stored.
    static func projected(_ ticket: String, in path: String) throws -> (signBy: Date?, deadline: Date?) {
        let queue = try DatabaseQueue(path: path)
        for _ in 0..<100 {
            let behind = try queue.read { db -> Bool in
                guard try db.tableExists("hub") else { return false }
                let through = try Int64.fetchOne(db, sql: "SELECT projected_through FROM hub WHERE id = 1") ?? 0
                return through < (try Int64.fetchOne(db, sql: "SELECT coalesce(max(local_id), 0) FROM events") ?? 0)
            }
            guard behind else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let row = try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT sign_by, deadline FROM tickets WHERE code = ?", arguments: [ticket])
        }
        let found = try #require(row, "no \(ticket) in \(path)")
        return ((found["sign_by"] as Int64?).map { Date(timeIntervalSince1970: Double($0) / 1000) },
                (found["deadline"] as Int64?).map { Date(timeIntervalSince1970: Double($0) / 1000) })
    }

    static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// year → origin in a `calendar years --json` or `hub calendar list --json` answer.
    static func years(_ json: String) throws -> [Int: String] {
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        return Dictionary(list.compactMap { item in (item["year"] as? Int).map { ($0, item["origin"] as? String ?? "") } }) { a, _ in a }
    }

    static func endOfDay(_ date: String) -> Date {
        CivilDate(date)!.endInChinaStandardTime
    }

    @Test("a year loaded at the hub reaches the node at its next sync, and a deadline across New Year 2027 is the same at hub and node")
    func yearReachesNode() throws {
        // (the hub's clock stands at the test's last moment: a node's clock moves past the hub's at each sync,
        // and the hub refuses events stamped ahead of its clock, docs/clocks.md)
        let district = try District(townships: ["DX": "东兴镇"], departments: [:], now: "2026-12-29T08:00:00+08:00",
                                    hubNow: "2026-12-30T10:10:00+08:00")
        defer { district.shutdown() }
        let schedule = district.directory.path("2027.json")
        try Self.schedule2027.write(toFile: schedule, atomically: true, encoding: .utf8)

        // Given a consultation (3 working days) dispatched on Wednesday 30 December 2026, before 2027 is loaded
        try #require(district.sync("WS", at: "2026-12-29 08:10").status == 0)
        try district["WS"].ok(Self.consult, now: District.iso("2026-12-30 09:00"))
        try district.on("WS", at: "2026-12-30 09:30", "ticket", "dispatch", "WS-26-0001", "--to", "DX")
        try #require(district.sync("WS", at: "2026-12-30 09:40").status == 0)
        // (Monday–Friday counts Friday 1 January: the deadline is the end of Monday 4 January)
        #expect(try Self.projected("WS-26-0001", in: district.hubDB).deadline == Self.endOfDay("2027-01-04"))

        // When the hub loads the 2027 schedule for the district
        let loaded = try district.admin.ok(["hub", "calendar", "load", schedule, "--db", district.hubDB, "--json"])
        #expect(try Self.object(loaded)["ticketsRefolded"] as? Int == 1)
        let listed = try district.admin.ok(["hub", "calendar", "list", "--db", district.hubDB, "--json"])
        #expect(try Self.years(listed)[2027] == "hub")
        #expect(try Self.years(listed)[2026] == "builtIn")

        // Then the hub's deadline skips the New Year holidays at once
        #expect(try Self.projected("WS-26-0001", in: district.hubDB).deadline == Self.endOfDay("2027-01-05"))
        // …and the workstation gets the year at its next sync, and computes the same deadline
        let sync = try district.sync("WS", at: "2026-12-30 10:00")
        try #require(sync.status == 0, "\(sync.stderr)")
        #expect(try sync.json()["policyUpdated"] as? Bool == true)
        let hub = try Self.projected("WS-26-0001", in: district.hubDB)
        let node = try Self.projected("WS-26-0001", in: district["WS"].db)
        #expect(node.deadline == hub.deadline)
        #expect(node.signBy == hub.signBy)
        #expect(try district.state("WS-26-0001", on: "WS")?.deadline == Self.endOfDay("2027-01-05"))
        let years = try district.on("WS", at: "2026-12-30 10:05", "calendar", "years", "--json")
        #expect(try Self.years(years)[2027] == "hub")
        // A second sync has nothing new to take
        let again = try district.sync("WS", at: "2026-12-30 10:10")
        #expect(try again.json()["policyUpdated"] as? Bool == false)
    }

    @Test("hub config --signing-days changes the signing limit of tickets dispatched after it, not before")
    func signingDaysFromNowOn() throws {
        // (the hub's clock stands at 09:00: the workstation's clock moves past it at its first sync, and the
        // hub takes events stamped up to five minutes ahead of it, docs/clocks.md)
        let district = try District(townships: ["DX": "东兴镇"], departments: [:], now: "2026-10-12T08:00:00+08:00",
                                    hubNow: "2026-10-12T09:00:00+08:00")
        defer { district.shutdown() }
        try #require(district.sync("WS", at: "2026-10-12 08:10").status == 0)

        // Given one ticket dispatched on Monday 12 October under the default (1 working day), stamped 09:00
        try district["WS"].ok(Self.consult, now: District.iso("2026-10-12 08:30"))
        try district.on("WS", at: "2026-10-12 08:40", "ticket", "dispatch", "WS-26-0001", "--to", "DX")
        try #require(district.sync("WS", at: "2026-10-12 08:45").status == 0)

        // When the hub sets the signing limit to 3 working days at 09:01
        try district.admin.ok(["hub", "config", "--signing-days", "3", "--db", district.hubDB], now: District.iso("2026-10-12 09:01"))
        // …and the workstation, not yet synced, dispatches a second ticket at 09:03
        try district["WS"].ok(Self.consult, now: District.iso("2026-10-12 09:02"))
        try district.on("WS", at: "2026-10-12 09:03", "ticket", "dispatch", "WS-26-0002", "--to", "DX")
        let sync = try district.sync("WS", at: "2026-10-12 09:04")
        try #require(sync.status == 0, "\(sync.stderr)")

        // Then the first keeps the limit in force when it was dispatched, and the second has the new one,
        // at the hub and at the workstation alike
        for path in [district.hubDB, district["WS"].db] {
            #expect(try Self.projected("WS-26-0001", in: path).signBy == Self.endOfDay("2026-10-13"), "\(path)")
            #expect(try Self.projected("WS-26-0002", in: path).signBy == Self.endOfDay("2026-10-15"), "\(path)")
        }

        // A limit out of range is refused, saying what to do, and changes nothing
        let refused = try district.admin.run(["hub", "config", "--signing-days", "0", "--db", district.hubDB])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--signing-days"))
        let shown = try district.admin.ok(["hub", "config", "--db", district.hubDB, "--json"], now: District.iso("2026-10-12 09:10"))
        let handling = try #require(try Self.object(shown)["handling"] as? [String: Any])
        #expect(handling["signingWorkingDays"] as? Int == 3)
    }

    @Test("a year a node loaded itself that disagrees with the hub's is reported at sync, and the hub's is used")
    func disagreementReported() throws {
        let district = try District(townships: ["DX": "东兴镇"], departments: [:], now: "2026-12-29T08:00:00+08:00",
                                    hubNow: "2026-12-30T10:05:00+08:00")
        defer { district.shutdown() }
        let right = district.directory.path("2027.json"), wrong = district.directory.path("2027-wrong.json")
        try Self.schedule2027.write(toFile: right, atomically: true, encoding: .utf8)
        try Self.wrong2027.write(toFile: wrong, atomically: true, encoding: .utf8)

        // Given the workstation loaded a wrong 2027 schedule while offline, and dispatched a consultation
        try #require(district.sync("WS", at: "2026-12-29 08:10").status == 0)
        try district.on("WS", at: "2026-12-29 09:00", "calendar", "load", wrong)
        try district["WS"].ok(Self.consult, now: District.iso("2026-12-30 09:00"))
        try district.on("WS", at: "2026-12-30 09:30", "ticket", "dispatch", "WS-26-0001", "--to", "DX")
        #expect(try Self.projected("WS-26-0001", in: district["WS"].db).deadline == Self.endOfDay("2027-01-06"))

        // When the hub loads the right schedule and the workstation syncs
        try district.admin.ok(["hub", "calendar", "load", right, "--db", district.hubDB])
        let sync = try district.sync("WS", at: "2026-12-30 10:00")
        try #require(sync.status == 0, "\(sync.stderr)")

        // Then the disagreement is in the sync's answer, naming the year and the date that differs
        let disagreements = try #require(try sync.json()["calendarDisagreements"] as? [[String: Any]])
        #expect(disagreements.count == 1)
        #expect(disagreements.first?["year"] as? Int == 2027)
        #expect(disagreements.first?["dates"] as? [String] == ["2027-01-04"])
        // …and the text output says it in Chinese
        var chinese = district["WS"]
        chinese.lang = "zh_CN.UTF-8"
        let text = try chinese.ok(["sync"], now: District.iso("2026-12-30 10:05"))
        #expect(text.contains("不一致，以中心为准"))
        // …and the hub's schedule wins: both compute the end of Tuesday 5 January
        #expect(try Self.projected("WS-26-0001", in: district["WS"].db).deadline == Self.endOfDay("2027-01-05"))
        #expect(try Self.projected("WS-26-0001", in: district.hubDB).deadline == Self.endOfDay("2027-01-05"))
    }
}
