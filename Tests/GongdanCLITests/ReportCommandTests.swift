import Foundation
import Testing
import GongdanCore
import GongdanTesting
@testable import GongdanStore

/// `gongdan hub supervise`, `gongdan notice …`, `gongdan hub config` and `gongdan report …` as whole
/// command lines on a hub holding the month of ``SupervisedMonth``.
@Suite("Supervision and reports at the hub")
struct ReportCommandTests {
    static let endOfOctober = "2026-10-31T18:00:00+08:00"

    /// A hub made with `gongdan hub init` and `hub unit add`, whose projection holds the month's tickets.
    struct SeededHub {
        let directory: TemporaryDirectory
        let gongdan: GongdanProcess
        let db: String

        init(_ name: String) throws {
            directory = try TemporaryDirectory(name)
            var process = GongdanProcess(directory)
            process.now = ReportCommandTests.endOfOctober
            gongdan = process
            db = directory.path("hub.sqlite")
            try gongdan.ok(["hub", "init", "--db", db, "--district", "港南区"])
            for (code, name, kind) in [("DX", "东兴镇", "township"), ("QX", "桥圩镇", "township"), ("SCJG", "区市场监管局", "department")] {
                try gongdan.ok(["hub", "unit", "add", code, "--name", name, "--kind", kind, "--db", db])
            }
            let store = try HubStore(path: db)
            let states = try SupervisedMonth.states()
            try store.db.write { db in
                for state in states { try HubStore.writeFacts(db, state) }
            }
        }

        func run(_ arguments: [String], now: String? = nil) throws -> GongdanResult {
            try gongdan.run(arguments + ["--db", db], now: now)
        }

        func ok(_ arguments: [String], now: String? = nil) throws -> String {
            try gongdan.ok(arguments + ["--db", db], now: now)
        }

        func json(_ arguments: [String], now: String? = nil) throws -> [String: Any] {
            let result = try run(arguments + ["--json"], now: now)
            guard result.status == 0 else { throw CommandFailed(arguments: arguments, result: result) }
            return try result.json()
        }

        var store: HubStore { get throws { try HubStore(path: db) } }
    }

    @Test("report units --json gives each unit's figures as the hub computes them, ticket lists only with --explain")
    func unitsJSON() throws {
        let hub = try SeededHub("cli-report-units")
        defer { hub.directory.remove() }

        // When October is reported
        let json = try hub.json(["report", "units", "--period", "2026-10"])

        // Then every unit of the directory is there with the store's figures
        let units = json["units"] as? [[String: Any]] ?? []
        #expect(units.map { $0["unit"] as? String } == ["DX", "QX", "SCJG"])
        let expected = try hub.store.scoringReport(period: try ScoringPeriod("2026-10"), asOf: Fixtures.cst("2026-10-31 18:00"))
        let district = json["district"] as? [String: Any] ?? [:]
        let onTime = district["onTimeCompletion"] as? [String: Any] ?? [:]
        #expect(onTime["numerator"] as? Int == expected.district.onTimeCompletion.numerator)
        #expect(onTime["denominator"] as? Int == expected.district.onTimeCompletion.denominator)
        #expect((onTime["denominatorTickets"] as? [String]) == [])
        #expect(json["period"] as? String == "2026-10")
        #expect((json["unitNames"] as? [String: String])?["DX"] == "东兴镇")

        // When it is explained
        let explained = try hub.json(["report", "units", "--period", "2026-10", "--explain"])
        let explainedOnTime = (explained["district"] as? [String: Any])?["onTimeCompletion"] as? [String: Any] ?? [:]

        // Then the tickets behind the figure are listed
        #expect(explainedOnTime["denominatorTickets"] as? [String] == expected.district.onTimeCompletion.denominatorTickets)
    }

    @Test("report units prints a table, CSV, and with --explain the tickets of each numerator and denominator")
    func unitsTextAndCSV() throws {
        let hub = try SeededHub("cli-report-table")
        defer { hub.directory.remove() }

        let table = try hub.ok(["report", "units", "--period", "2026-10"])
        #expect(table.contains("按时办结率"))
        #expect(table.contains("东兴镇（DX）"))
        #expect(table.contains("全区"))

        let csv = try hub.ok(["report", "units", "--period", "2026-Q4", "--format", "csv", "--lang", "en"])
        let lines = csv.split(separator: "\r\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("unit,name,on-time completion,on-time completion numerator"))
        #expect(lines[1].hasPrefix("DX,东兴镇,"))

        let explained = try hub.ok(["report", "units", "--period", "2026-10", "--explain"])
        #expect(explained.contains("分母："))
        #expect(explained.contains("WS-26-0103"))
    }

    @Test("report ranking orders the units by composite, best first")
    func ranking() throws {
        let hub = try SeededHub("cli-report-ranking")
        defer { hub.directory.remove() }

        let json = try hub.json(["report", "ranking", "--year", "2026"])
        let ranking = json["ranking"] as? [[String: Any]] ?? []
        let expected = try hub.store.annualRanking(year: 2026, asOf: Fixtures.cst("2026-10-31 18:00"))
        #expect(ranking.map { $0["position"] as? Int } == [1, 2, 3])
        #expect(ranking.map { $0["unit"] as? String } == expected.map(\.unit))
        #expect(ranking.first?["name"] as? String != nil)

        let text = try hub.ok(["report", "ranking", "--year", "2026"])
        #expect(text.contains("排名"))
        let csv = try hub.ok(["report", "ranking", "--year", "2026", "--format", "csv"])
        #expect(csv.split(separator: "\r\n").count == 4)
    }

    @Test("hub supervise lists the notices due, --issue numbers them, and notice list and show read them")
    func superviseAndIssue() throws {
        let hub = try SeededHub("cli-supervise")
        defer { hub.directory.remove() }

        // When supervision runs at the end of October
        let due = try hub.json(["hub", "supervise"])
        let candidates = due["candidates"] as? [[String: Any]] ?? []

        // Then the month's lapses are proposed, none issued yet
        let triggers = Set(candidates.compactMap { $0["trigger"] as? String })
        #expect(triggers.isSuperset(of: ["overdueNotReplied", "unsignedPastLimit", "nonStandardReplies", "unsatisfiedTwice"]))
        #expect((due["issued"] as? [Any])?.isEmpty == true)
        let text = try hub.ok(["hub", "supervise"])
        #expect(text.contains("提醒敦促函"))
        #expect(text.contains("gongdan notice issue --candidate"))

        // When one candidate is issued by its key, then the rest with --issue
        let key = candidates[0]["key"] as? String ?? ""
        let one = try hub.json(["notice", "issue", "--candidate", key])
        #expect(one["number"] as? String == "港南督〔2026〕1号")
        let rest = try hub.json(["hub", "supervise", "--issue"])
        let issued = rest["issued"] as? [[String: Any]] ?? []

        // Then the numbers continue, nothing is due any more, and the list holds them all
        #expect(issued.count == candidates.count - 1)
        #expect(issued.first?["number"] as? String == "港南督〔2026〕2号")
        #expect((try hub.json(["hub", "supervise"])["candidates"] as? [Any])?.isEmpty == true)
        let list = try hub.json(["notice", "list"])
        #expect(list["total"] as? Int == candidates.count)
        let qx = try hub.json(["notice", "list", "--unit", "QX"])
        #expect((qx["notices"] as? [[String: Any]] ?? []).allSatisfy { $0["unit"] as? String == "QX" })

        // And a notice prints as an A4 page and as text
        let html = try hub.ok(["notice", "show", "NOTICE-2026-0001", "--format", "html"])
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("港南督〔2026〕1号"))
        let shown = try hub.ok(["notice", "show", "港南督〔2026〕1号"])
        #expect(shown.contains("限期办结："))

        // And issuing the same candidate again is refused
        let again = try hub.run(["notice", "issue", "--candidate", key])
        #expect(again.status == 1)
        #expect(again.stderr.contains("港南督〔2026〕1号"))
    }

    @Test("notice issue writes an interview notice by hand and refuses one without a reason, detail or known unit")
    func manualInterview() throws {
        let hub = try SeededHub("cli-interview")
        defer { hub.directory.remove() }

        let notice = try hub.json(["notice", "issue", "--unit", "SCJG", "--level", "interview", "--reason", "breachOfConfidentiality",
                                   "--detail", "向被反映对象泄露反映人信息", "--ticket", "WS-26-0106"])
        #expect(notice["level"] as? String == "interview")
        #expect(notice["interviewReason"] as? String == "breachOfConfidentiality")
        #expect(notice["tickets"] as? [String] == ["WS-26-0106"])
        #expect((notice["findings"] as? String)?.contains("违反保密规定") == true)
        #expect(notice["id"] as? String == "NOTICE-2026-0001")

        #expect(try hub.run(["notice", "issue", "--unit", "SCJG", "--reason", "fraud"]).status == 2)
        #expect(try hub.run(["notice", "issue", "--unit", "DX", "--level", "reminder", "--reason", "fraud", "--detail", "x"]).status == 2)
        let unknown = try hub.run(["notice", "issue", "--unit", "NOPE", "--reason", "fraud", "--detail", "x"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("hub unit add NOPE"))
    }

    @Test("report monthly prints a printable monitoring report listing the month's rectification notices")
    func monthly() throws {
        let hub = try SeededHub("cli-monthly")
        defer { hub.directory.remove() }
        // Given the notices due at the end of October, issued then
        _ = try hub.json(["hub", "supervise", "--issue", "--as-of", "2026-10-31 18:00"], now: "2026-10-31T18:00:00+08:00")

        // When the report is printed in November
        let november = "2026-11-02T09:00:00+08:00"
        let html = try hub.ok(["report", "monthly", "--month", "2026-10", "--format", "html"], now: november)
        for part in ["@page { size: A4 landscape", "港南区营商环境诉求办理2026年10月监测通报", "全区总体情况", "挂牌督办事项",
                     "整改通知书", "东兴镇（DX）", "港南督〔2026〕"] {
            #expect(html.contains(part), "missing \(part)")
        }
        // Then it holds the totals, the units and the listed rectification notices
        let csv = try hub.ok(["report", "monthly", "--month", "2026-10", "--format", "csv"], now: november)
        #expect(csv.split(separator: "\r\n").count == 5)
        let json = try hub.json(["report", "monthly", "--month", "2026-10"], now: november)
        #expect((json["listedNotices"] as? [[String: Any]] ?? []).allSatisfy { $0["level"] as? String == "rectification" })
        #expect((json["listedNotices"] as? [Any])?.isEmpty == false)

        let quarter = try hub.run(["report", "monthly", "--month", "2026-Q4"])
        #expect(quarter.status == 1)
        #expect(quarter.stderr.contains("2026-10"))
    }

    @Test("hub config stores weights and automatic issuance; supervise then issues by itself")
    func config() throws {
        let hub = try SeededHub("cli-config")
        defer { hub.directory.remove() }
        let weights = hub.directory.path("weights.json")
        try Data(#"{"resolution": 0, "onTimeCompletion": 0, "satisfaction": 1}"#.utf8).write(to: URL(fileURLWithPath: weights))

        let shown = try hub.json(["hub", "config", "--weights", weights, "--auto-issue", "on"])
        #expect(shown["autoIssue"] as? Bool == true)
        #expect((shown["weights"] as? [String: Any])?["satisfaction"] as? Double == 1)
        #expect(shown["districtShortName"] as? String == "港南")

        let report = try hub.json(["report", "units", "--period", "2026-10"])
        #expect((report["weights"] as? [String: Any])?["resolution"] as? Double == 0)

        let run = try hub.json(["hub", "supervise"])
        #expect(run["automatic"] as? Bool == true)
        #expect((run["issued"] as? [[String: Any]] ?? []).allSatisfy { $0["issuedBy"] as? String == "auto" })
        #expect((run["issued"] as? [Any])?.isEmpty == false)

        let bad = hub.directory.path("bad.json")
        try Data(#"{"resolutoin": 1}"#.utf8).write(to: URL(fileURLWithPath: bad))
        let refused = try hub.run(["hub", "config", "--weights", bad])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("resolutoin"))
    }

    @Test("a period that is not one is refused with what to write instead")
    func badPeriod() throws {
        let hub = try SeededHub("cli-bad-period")
        defer { hub.directory.remove() }
        let result = try hub.run(["report", "units", "--period", "2026-13"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("2026-Q4"))
    }
}
