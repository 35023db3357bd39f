import Foundation
import Testing
import GongdanTesting

/// `gongdan calendar`: deadlines, working-day counts and loaded schedules.
@Suite("Calendar commands")
struct CalendarCommandTests {
    @Test("ten working days from 2026-09-28 end on 2026-10-16, the make-up Saturday counted")
    func deadlineOverNationalDay() throws {
        let directory = try TemporaryDirectory("cli-cal")
        defer { directory.remove() }
        let node = GongdanProcess(directory)

        // When the deadline is asked for with a date and with an instant late on 2026-09-27 UTC.
        let byDate = try node.run(["calendar", "deadline", "2026-09-28", "10"])
        let byInstant = try node.run(["calendar", "deadline", "2026-09-27T17:30:00Z", "10", "--json"])

        // Then both give the end of 2026-10-16 (the instant is 2026-09-28 01:30 in Beijing).
        #expect(byDate.status == 0)
        #expect(byDate.stdout.contains("2026-10-16 24:00"))
        let json = try byInstant.json()
        #expect(json["date"] as? String == "2026-10-16")
        #expect(json["deadline"] as? String == "2026-10-16T16:00:00Z")
    }

    @Test("October 2026 has 18 working days")
    func workdaysInOctober() throws {
        let directory = try TemporaryDirectory("cli-cal-count")
        defer { directory.remove() }
        let node = GongdanProcess(directory)

        // When the working days of October 2026 are counted.
        let result = try node.run(["calendar", "workdays", "2026-10-01", "2026-10-31"])

        // Then there are 18.
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("18"))
    }

    @Test("a year without a schedule is warned about loudly, and loading one silences the warning")
    func fallbackYearAndLoad() throws {
        let directory = try TemporaryDirectory("cli-cal-load")
        defer { directory.remove() }
        // Given the workstation.
        let ws = try GongdanProcess.workstation(in: directory)

        // When a deadline in 2027 is computed.
        let before = try ws.run(["calendar", "deadline", "2027-03-01", "5"])
        // Then it warns that 2027 falls back to Monday–Friday and how to load a schedule.
        #expect(before.status == 0)
        #expect(before.stderr.contains("2027") && before.stderr.contains("gongdan calendar load FILE"))

        // When a 2027 schedule is loaded.
        let file = directory.path("2027.json")
        try Data(#"{"year": 2027, "source": "测试通知", "holidays": ["2027-01-01"], "workdays": []}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        let loaded = try ws.run(["calendar", "load", file])
        let years = try ws.run(["calendar", "years"])
        let after = try ws.run(["calendar", "deadline", "2027-03-01", "5"])

        // Then it is listed as loaded and the warning is gone.
        #expect(loaded.status == 0 && loaded.stdout.contains("2027"))
        #expect(years.stdout.contains("2027") && years.stdout.contains("已加载"))
        #expect(after.stderr.isEmpty)
    }

    @Test("a malformed schedule file is refused and loads nothing")
    func malformedSchedule() throws {
        let directory = try TemporaryDirectory("cli-cal-bad")
        defer { directory.remove() }
        let ws = try GongdanProcess.workstation(in: directory)
        let file = directory.path("bad.json")
        try Data(#"{"year": 2027, "source": "x", "holidays": ["2027-02-30"], "workdays": []}"#.utf8)
            .write(to: URL(fileURLWithPath: file))

        // When it is loaded.
        let result = try ws.run(["calendar", "load", file])

        // Then it exits 1 naming the bad date, and 2027 is still not loaded.
        #expect(result.status == 1 && result.stderr.contains("2027-02-30"))
        #expect(try ws.run(["status", "--json"]).json()["loadedCalendarYears"] as? [Int] == [])
    }

    @Test("a dispatch whose deadline reaches a year without a schedule warns on standard error")
    func dispatchWarnsAboutFallbackYear() throws {
        let directory = try TemporaryDirectory("cli-cal-warn")
        defer { directory.remove() }
        // Given a complaint taken in late in December 2026.
        var ws = try GongdanProcess.workstation(in: directory)
        ws.now = "2026-12-28T09:00:00+08:00"
        let code = try ws.newHotlineComplaint()

        // When it is dispatched (10 working days reach into 2027).
        let result = try ws.run(["ticket", "dispatch", code, "--to", "DX", "--lang", "en"])

        // Then it succeeds with a loud warning about 2027.
        #expect(result.status == 0)
        #expect(result.stderr.contains("WARNING") && result.stderr.contains("2027"))
    }
}
