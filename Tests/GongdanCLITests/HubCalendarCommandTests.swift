import Foundation
import Testing
import GongdanTesting

/// `gongdan hub calendar` and the handling limits of `gongdan hub config`, on a hub database file.
@Suite("Hub calendar commands")
struct HubCalendarCommandTests {
    static let schedule2027 = """
        {"year": 2027, "source": "测试用 2027 年安排", "holidays": ["2027-01-01", "2027-01-02", "2027-01-03"], "workdays": []}
        """

    @Test("the hub loads a year for the district and lists it; the node command on the hub's database says which command to use")
    func loadAndList() throws {
        let directory = try TemporaryDirectory("cli-hub-cal")
        defer { directory.remove() }
        let admin = GongdanProcess(directory)
        let hub = directory.path("hub.sqlite"), file = directory.path("2027.json")
        try Self.schedule2027.write(toFile: file, atomically: true, encoding: .utf8)
        try admin.ok(["hub", "init", "--db", hub, "--district", "港南区"])

        // When `gongdan calendar load` (a node's command) is pointed at the hub's database
        let wrong = try admin.run(["calendar", "load", file, "--db", hub])
        // Then it is refused with the command to use instead, not with "a newer gongdan"
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("gongdan hub calendar load"))
        #expect(!wrong.stderr.contains("更新版本"))

        // When the hub loads the year
        let loaded = try admin.run(["hub", "calendar", "load", file, "--db", hub])
        #expect(loaded.status == 0)
        #expect(loaded.stdout.contains("已为全区加载 2027 年节假日安排"))

        // Then the list shows it as loaded at the hub, the built-in years as built in
        let listed = try admin.run(["hub", "calendar", "list", "--db", hub, "--json"])
        let years = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(years.first { $0["year"] as? Int == 2027 }?["origin"] as? String == "hub")
        #expect(years.first { $0["year"] as? Int == 2026 }?["origin"] as? String == "builtIn")
    }

    @Test("hub config sets the handling limits and refuses one out of range, in Chinese, saying what to do")
    func limits() throws {
        let directory = try TemporaryDirectory("cli-hub-limits")
        defer { directory.remove() }
        let admin = GongdanProcess(directory)
        let hub = directory.path("hub.sqlite")
        try admin.ok(["hub", "init", "--db", hub, "--district", "港南区"])

        // When the signing limit is set to 2 working days
        let set = try admin.run(["hub", "config", "--signing-days", "2", "--db", hub, "--json"])
        #expect(set.status == 0)
        let handling = try #require(try set.json()["handling"] as? [String: Any])
        #expect(handling["signingWorkingDays"] as? Int == 2)
        #expect(handling["maxExtensionDays"] as? Int == 30)

        // When the largest extension is set to 400 days
        let refused = try admin.run(["hub", "config", "--max-extension-days", "400", "--db", hub])
        // Then it is refused, naming the limit, the range and the command
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("单次延期上限"))
        #expect(refused.stderr.contains("1–90"))
        #expect(refused.stderr.contains("gongdan hub config --max-extension-days"))
    }
}
