import Foundation
import GongdanCore
import Testing

@Suite("WorkingDayCalendar")
struct WorkingDayCalendarTests {
    let calendar = WorkingDayCalendar.official

    // MARK: The official data

    @Test("The built-in calendar covers 2023–2026")
    func officialYears() {
        #expect(calendar.years == [2023, 2024, 2025, 2026])
        #expect(calendar.hasSchedule(for: 2026))
        #expect(!calendar.hasSchedule(for: 2022))
        #expect(calendar.schedule(for: 2025)?.source == "国办发明电〔2024〕12号")
    }

    @Test("Every built-in schedule passes its own validation", arguments: HolidaySchedule.official)
    func officialSchedulesAreValid(schedule: HolidaySchedule) throws {
        try schedule.validate()
    }

    @Test("Every make-up workday is a working day", arguments: HolidaySchedule.official)
    func makeUpWorkdaysAreWorkingDays(schedule: HolidaySchedule) {
        for date in schedule.workdays {
            #expect(date.isWeekend, "\(date) is a make-up workday but not on a weekend")
            #expect(calendar.isWorkingDay(date), "\(date)")
        }
    }

    @Test("No listed holiday is a working day", arguments: HolidaySchedule.official)
    func holidaysAreDaysOff(schedule: HolidaySchedule) {
        for date in schedule.holidays {
            #expect(!calendar.isWorkingDay(date), "\(date)")
        }
    }

    @Test("Unlisted dates follow Monday–Friday", arguments: HolidaySchedule.official)
    func unlistedDatesAreOrdinary(schedule: HolidaySchedule) throws {
        let listed = Set(schedule.holidays + schedule.workdays)
        var date = try #require(CivilDate(year: schedule.year, month: 1, day: 1))
        while date.year == schedule.year {
            if !listed.contains(date) {
                #expect(calendar.isWorkingDay(date) == !date.isWeekend, "\(date)")
            }
            date = date.adding(days: 1)
        }
    }

    @Test("Each official year has the published number of working days", arguments: [
        (2023, 249), (2024, 251), (2025, 248), (2026, 248),
    ])
    func workingDaysPerYear(year: Int, expected: Int) throws {
        let first = try #require(CivilDate(year: year, month: 1, day: 1))
        let last = try #require(CivilDate(year: year, month: 12, day: 31))
        #expect(calendar.workingDays(from: first, through: last) == expected)
    }

    @Test("Spot checks of 2026: National Day off, make-up Saturday worked, an ordinary Saturday off")
    func spotChecks2026() throws {
        #expect(!calendar.isWorkingDay(try day("2026-10-01")))
        #expect(!calendar.isWorkingDay(try day("2026-10-07")))
        #expect(calendar.isWorkingDay(try day("2026-10-08")))
        #expect(calendar.isWorkingDay(try day("2026-10-10")))   // Saturday, 调休上班
        #expect(calendar.isWorkingDay(try day("2026-09-20")))   // Sunday, 调休上班
        #expect(!calendar.isWorkingDay(try day("2026-10-17")))  // ordinary Saturday
        #expect(!calendar.isWorkingDay(try day("2026-02-23")))  // Monday, 春节
        #expect(calendar.isWorkingDay(try day("2026-02-24")))
    }

    // MARK: Counting

    @Test("October 2026 has 18 working days")
    func october2026() throws {
        // 10-08, 09, 10 (make-up Saturday), 12–16, 19–23, 26–30
        #expect(calendar.workingDays(from: try day("2026-10-01"), through: try day("2026-10-31")) == 18)
    }

    @Test("Counting a single day, an empty range and a reversed range")
    func countingEdges() throws {
        #expect(calendar.workingDays(from: try day("2026-10-10"), through: try day("2026-10-10")) == 1)
        #expect(calendar.workingDays(from: try day("2026-10-11"), through: try day("2026-10-11")) == 0)
        #expect(calendar.workingDays(from: try day("2026-10-31"), through: try day("2026-10-01")) == 0)
    }

    @Test("Counting over ranges agrees with checking every day")
    func countingMatchesDayByDay() throws {
        // Given ranges spread over 2021–2028, across years with and without schedules
        let origin = try day("2021-06-01")
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            let from = origin.adding(days: next(2400))
            let through = from.adding(days: next(400) - 20)
            // When counting both ways
            var expected = 0
            var date = from
            while date <= through {
                if calendar.isWorkingDay(date) { expected += 1 }
                date = date.adding(days: 1)
            }
            // Then they agree
            #expect(calendar.workingDays(from: from, through: through) == expected, "\(from)…\(through)")
        }
    }

    @Test("The n-th working day after a date is a working day with n working days up to it")
    func workingDayAndCountAgree() throws {
        var date = try day("2022-12-20")
        let end = try day("2027-01-10")
        while date < end {
            for n in [1, 2, 3, 5, 10] {
                let target = calendar.workingDay(n, after: date)
                #expect(calendar.isWorkingDay(target))
                #expect(calendar.workingDays(from: date.adding(days: 1), through: target) == n, "\(n) after \(date)")
                #expect(calendar.workingDay(-n, after: target) <= date, "back \(n) from \(target)")
            }
            date = date.adding(days: 1)
        }
    }

    @Test("Zero working days after a date is the date itself; negative counts go back")
    func zeroAndNegative() throws {
        #expect(calendar.workingDay(0, after: try day("2026-10-03")) == (try day("2026-10-03")))
        #expect(calendar.workingDay(-1, after: try day("2026-10-08")) == (try day("2026-09-30")))
        #expect(calendar.workingDay(-2, after: try day("2026-10-12")) == (try day("2026-10-09")))
    }

    // MARK: Years without data

    @Test("A year without data falls back to Monday–Friday and is reported")
    func fallbackYear() throws {
        // Given the built-in calendar, which has nothing for 2030
        #expect(!calendar.hasSchedule(for: 2030))
        // Then 2030's National Day (a Tuesday) counts as a working day and its Saturday does not
        #expect(calendar.isWorkingDay(try day("2030-10-01")))
        #expect(!calendar.isWorkingDay(try day("2030-10-05")))
        #expect(calendar.workingDays(from: try day("2030-10-01"), through: try day("2030-10-31")) == 23)
        #expect(calendar.workingDay(1, after: try day("2030-09-30")) == (try day("2030-10-01")))
        // And the range reports every uncovered year
        #expect(calendar.yearsWithoutSchedule(from: try day("2026-12-01"), through: try day("2030-01-05"))
            == [2027, 2028, 2029, 2030])
        #expect(calendar.yearsWithoutSchedule(from: try day("2023-01-01"), through: try day("2026-12-31")).isEmpty)
        #expect(calendar.yearsWithoutSchedule(from: try day("2030-01-05"), through: try day("2026-12-01")).isEmpty)
    }

    @Test("A schedule loaded for 2027 is used and the year is no longer reported")
    func loadedYearIsUsed() throws {
        // Given a 2027 schedule from JSON (made-up dates for the test, not the real notice)
        let json = """
            {"year": 2027, "source": "test fixture", "holidays": ["2027-01-01", "2027-10-01", "2027-10-04"],
             "workdays": ["2027-10-09"]}
            """
        let loaded = try WorkingDayCalendar.decodeSchedules(from: Data(json.utf8))
        // When it is added to the built-in calendar
        let extended = calendar.adding(loaded)
        // Then 2027 has data, its holidays are off and its make-up Saturday is worked
        #expect(extended.years == [2023, 2024, 2025, 2026, 2027])
        #expect(extended.yearsWithoutSchedule(from: try day("2026-12-01"), through: try day("2027-12-31")).isEmpty)
        #expect(!extended.isWorkingDay(try day("2027-10-01")))
        #expect(!extended.isWorkingDay(try day("2027-10-04")))
        #expect(extended.isWorkingDay(try day("2027-10-09")))
        #expect(extended.workingDay(1, after: try day("2027-09-30")) == (try day("2027-10-05")))
        // And the built-in calendar is unchanged
        #expect(calendar.isWorkingDay(try day("2027-10-01")))
    }

    @Test("A loaded year replaces the built-in schedule of the same year")
    func loadedYearReplacesBuiltIn() throws {
        // Given a corrected 2026 that drops the make-up Saturday 10-10
        var corrected = HolidaySchedule.official2026
        corrected.workdays.removeAll { $0 == CivilDate("2026-10-10") }
        // When it is added
        let replaced = calendar.adding([corrected])
        // Then 10-10 is an ordinary Saturday again, and there is still one 2026
        #expect(!replaced.isWorkingDay(try day("2026-10-10")))
        #expect(replaced.years == [2023, 2024, 2025, 2026])
        #expect(replaced.schedule(for: 2026) == corrected)
    }

    @Test("A December date listed by next year's notice applies, unless its own year's schedule says otherwise")
    func decemberBelongsToItsOwnYearFirst() throws {
        // Given 2040-12-29 and 2040-12-30, a Saturday and a Sunday, made working days by a 2041 notice
        let saturday = try day("2040-12-29"), sunday = try day("2040-12-30")
        #expect(saturday.weekday == 6 && sunday.weekday == 7)
        let y2041 = HolidaySchedule(year: 2041, source: "test", holidays: [try day("2041-01-01")], workdays: [saturday, sunday])
        try y2041.validate()
        // When 2040 has no schedule, both are working days
        let only2041 = WorkingDayCalendar(schedules: [y2041])
        #expect(only2041.isWorkingDay(saturday) && only2041.isWorkingDay(sunday))
        // When 2040's own schedule lists the Saturday as a day off, 2040 decides for it
        let y2040 = HolidaySchedule(year: 2040, source: "test", holidays: [saturday], workdays: [])
        let both = WorkingDayCalendar(schedules: [y2041, y2040])
        #expect(!both.isWorkingDay(saturday))
        #expect(both.isWorkingDay(sunday))
    }
}

private func day(_ text: String) throws -> CivilDate {
    try #require(CivilDate(text))
}

@Suite("Loading holiday schedules")
struct HolidayScheduleDecodingTests {
    /// The 2026 notice in the loadable format, as in calendars/2026.json.
    static let json2026 = """
        {
          "year": 2026,
          "source": "国办发明电〔2025〕7号",
          "holidays": [
            "2026-01-01", "2026-01-02", "2026-01-03",
            "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21",
            "2026-02-22", "2026-02-23",
            "2026-04-04", "2026-04-05", "2026-04-06",
            "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
            "2026-06-19", "2026-06-20", "2026-06-21",
            "2026-09-25", "2026-09-26", "2026-09-27",
            "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"
          ],
          "workdays": ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]
        }
        """

    @Test("A schedule in the loadable format decodes to the official 2026 data")
    func decodesTheExampleFormat() throws {
        let schedules = try WorkingDayCalendar.decodeSchedules(from: Data(Self.json2026.utf8))
        #expect(schedules == [HolidaySchedule.official2026])
    }

    @Test("calendars/2026.json is the official 2026 schedule")
    func exampleFileMatchesOfficialData() throws {
        // Tests/GongdanCoreTests/<this file> → the package root
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("calendars/2026.json"))
        #expect(try WorkingDayCalendar.decodeSchedules(from: data) == [HolidaySchedule.official2026])
    }

    @Test("An array of schedules decodes in order, and a schedule encodes back to the same format")
    func decodesArrayAndRoundTrips() throws {
        let data = try JSONEncoder().encode([HolidaySchedule.official2024, HolidaySchedule.official2025])
        #expect(try WorkingDayCalendar.decodeSchedules(from: data) == [.official2024, .official2025])
    }

    @Test("Text that is not JSON is rejected as such")
    func notJSON() throws {
        let error = try decodingError("holidays: 2027-01-01")
        guard case .notJSON = error else { Issue.record("got \(error)"); return }
        #expect(error.description.contains("not valid JSON"))
        #expect(error.description.contains("line 1, column 1"))
        #expect(error.description.contains("calendars/2026.json"))
    }

    @Test("A date that is not YYYY-MM-DD is named with its year and list", arguments: ["2027-02-30", "2027-2-6", "2027/10/01"])
    func badDateString(text: String) throws {
        let error = try decodingError(#"{"year": 2027, "source": "x", "holidays": ["2027-01-01", "\#(text)"], "workdays": []}"#)
        #expect(error == .invalidDate(text, year: 2027, list: .holidays))
        #expect(error.description.contains(text))
        #expect(error.description.contains("YYYY-MM-DD"))
        #expect(error.description.contains("2027"))
    }

    @Test("A date both holiday and workday is rejected")
    func holidayAndWorkday() throws {
        let error = try decodingError(#"{"year": 2027, "source": "x", "holidays": ["2027-02-06"], "workdays": ["2027-02-06"]}"#)
        #expect(error == .bothHolidayAndWorkday(CivilDate("2027-02-06")!, year: 2027))
        #expect(error.description.contains("2027-02-06"))
        #expect(error.description.contains("one list only"))
    }

    @Test("A date listed twice in one list is rejected")
    func listedTwice() throws {
        let error = try decodingError(#"{"year": 2027, "source": "x", "holidays": ["2027-01-01", "2027-01-01"], "workdays": []}"#)
        #expect(error == .listedTwice(CivilDate("2027-01-01")!, year: 2027, list: .holidays))
    }

    @Test("A make-up workday on a weekday is rejected, naming the weekday")
    func workdayOnWeekday() throws {
        let error = try decodingError(#"{"year": 2027, "source": "x", "holidays": ["2027-01-01"], "workdays": ["2027-10-08"]}"#)
        #expect(error == .workdayNotOnWeekend(CivilDate("2027-10-08")!, year: 2027))
        #expect(error.description.contains("2027-10-08 is a Friday"))
        #expect(error.description.contains("调休上班"))
    }

    @Test("A date outside its schedule's year is rejected; the December before is allowed")
    func dateOutsideYear() throws {
        let error = try decodingError(#"{"year": 2027, "source": "x", "holidays": ["2028-01-01"], "workdays": []}"#)
        #expect(error == .dateOutsideYear(CivilDate("2028-01-01")!, year: 2027, list: .holidays))
        #expect(error.description.contains("schedule for 2028"))
        let november = try decodingError(#"{"year": 2027, "source": "x", "holidays": ["2026-11-30"], "workdays": []}"#)
        #expect(november == .dateOutsideYear(CivilDate("2026-11-30")!, year: 2027, list: .holidays))
        let december = #"{"year": 2027, "source": "x", "holidays": ["2027-01-01"], "workdays": ["2026-12-26"]}"#
        #expect(try WorkingDayCalendar.decodeSchedules(from: Data(december.utf8)).first?.workdays == [CivilDate("2026-12-26")!])
    }

    @Test("A year out of range is rejected", arguments: [1999, 2101, 0, 27])
    func yearOutOfRange(year: Int) throws {
        let error = try decodingError(#"{"year": \#(year), "source": "x", "holidays": ["2027-01-01"], "workdays": []}"#)
        #expect(error == .yearOutOfRange(year))
        #expect(error.description.contains("2000...2100"))
    }

    @Test("Missing, unknown and mistyped fields are located")
    func malformedFields() throws {
        #expect(try decodingError(#"{"year": 2027, "source": "x", "holidays": ["2027-01-01"]}"#)
            == .malformed(path: "", detail: "the field \"workdays\" is missing"))
        #expect(try decodingError(#"[{"year": 2027, "source": "x", "holidays": ["2027-01-01"], "workday": []}]"#)
            == .malformed(path: "[0]", detail: "unknown field \"workday\" (the fields are \"year\", \"source\", \"holidays\" and \"workdays\")"))
        #expect(try decodingError(#"{"year": "2027", "source": "x", "holidays": [], "workdays": []}"#)
            == .malformed(path: "year", detail: "expected a whole number"))
        #expect(try decodingError(#"{"year": 2027, "source": "x", "holidays": ["2027-01-01", 20270102], "workdays": []}"#)
            == .malformed(path: "holidays[1]", detail: "expected a string"))
        let topLevel = try decodingError(#""2027-01-01""#)
        guard case .malformed(path: "", _) = topLevel else { Issue.record("got \(topLevel)"); return }
        #expect(topLevel.description.contains("\"workdays\""))
    }

    @Test("An empty array, two schedules for one year, no holidays and no source are rejected")
    func wholeFileProblems() throws {
        #expect(try decodingError("[]") == .noSchedules)
        let one = #"{"year": 2027, "source": "x", "holidays": ["2027-01-01"], "workdays": []}"#
        #expect(try decodingError("[\(one), \(one)]") == .duplicateYear(2027))
        #expect(try decodingError(#"{"year": 2027, "source": "x", "holidays": [], "workdays": []}"#) == .noHolidays(year: 2027))
        #expect(try decodingError(#"{"year": 2027, "source": " ", "holidays": ["2027-01-01"], "workdays": []}"#)
            == .missingSource(year: 2027))
    }

    @Test("Every error's description says what to do")
    func descriptionsAreActionable() {
        let date = CivilDate("2027-10-08")!
        let errors: [CalendarError] = [
            .notJSON(detail: "x"), .malformed(path: "[0]", detail: "x"), .noSchedules, .duplicateYear(2027),
            .yearOutOfRange(1999), .missingSource(year: 2027), .noHolidays(year: 2027),
            .invalidDate("x", year: 2027, list: .workdays), .dateOutsideYear(date, year: 2026, list: .holidays),
            .listedTwice(date, year: 2027, list: .holidays), .bothHolidayAndWorkday(date, year: 2027),
            .workdayNotOnWeekend(date, year: 2027),
        ]
        for error in errors {
            #expect(error.description.contains(";"), "\(error) gives no remedy")
            #expect(error.description.count > 40)
        }
    }

    /// The `CalendarError` decoding `json` throws.
    private func decodingError(_ json: String) throws -> CalendarError {
        do {
            let schedules = try WorkingDayCalendar.decodeSchedules(from: Data(json.utf8))
            Issue.record("decoded \(schedules)")
            throw CancellationError()
        } catch let error as CalendarError {
            return error
        }
    }
}
