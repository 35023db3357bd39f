import Foundation
import GongdanCore
import Testing

/// DESIGN §2: N working days from dispatch end at 24:00 China Standard Time of the N-th working day
/// after the dispatch date; the dispatch date itself never counts.
@Suite("Deadlines in working days")
struct DeadlineTests {
    let calendar = WorkingDayCalendar.official

    // MARK: The counting rule

    @Test("10 working days from 2026-09-28 end on 2026-10-16, the make-up Saturday 10-10 counting")
    func tenDaysAcrossNationalDay2026() throws {
        // Given a dispatch on Monday 2026-09-28, before the National Day week
        let dispatched = try day("2026-09-28")
        // When counting 10 working days: 09-29, 09-30, 10-08, 10-09, 10-10 (Sat), 10-12 … 10-16
        let due = calendar.workingDay(10, after: dispatched)
        // Then the last one is Friday 10-16
        #expect(due == (try day("2026-10-16")))
        #expect(calendar.workingDay(5, after: dispatched) == (try day("2026-10-10")))
    }

    @Test("One working day from a Saturday dispatch is the following Monday")
    func saturdayDispatch() throws {
        #expect(calendar.workingDay(1, after: try day("2026-03-07")) == (try day("2026-03-09")))
    }

    @Test("One working day from a Friday dispatch is also the following Monday")
    func fridayDispatch() throws {
        #expect(calendar.workingDay(1, after: try day("2026-03-06")) == (try day("2026-03-09")))
    }

    @Test("The dispatch date never counts, even when it is a working day", arguments: [
        ("2026-03-10", "2026-03-11"),   // an ordinary Tuesday
        ("2026-10-10", "2026-10-12"),   // a make-up Saturday: worked, but not counted
        ("2026-09-20", "2026-09-21"),   // a make-up Sunday
    ])
    func dispatchDateNeverCounts(dispatched: String, expected: String) throws {
        #expect(calendar.workingDay(1, after: try day(dispatched)) == (try day(expected)))
    }

    @Test("A dispatch on a holiday counts from the first working day after it", arguments: [
        ("2026-10-03", 1, "2026-10-08"),   // National Day
        ("2026-10-01", 3, "2026-10-10"),   // 10-08, 10-09, 10-10 (make-up Saturday)
        ("2026-02-17", 1, "2026-02-24"),   // Spring Festival
        ("2025-01-01", 1, "2025-01-02"),   // New Year's Day, a Wednesday
    ])
    func holidayDispatch(dispatched: String, n: Int, expected: String) throws {
        #expect(calendar.workingDay(n, after: try day(dispatched)) == (try day(expected)))
    }

    // MARK: Across the long holidays

    @Test("3, 5 and 10 working days across the 2025 Spring Festival", arguments: [
        // Dispatched Friday 2025-01-24: 01-26 (Sun, worked) 1, 01-27 2, [01-28 … 02-04 off], 02-05 3,
        // 02-06 4, 02-07 5, 02-08 (Sat, worked) 6, 02-10 7, 02-11 8, 02-12 9, 02-13 10.
        ("2025-01-24T02:00:00Z", 3, "2025-02-05"),
        ("2025-01-24T02:00:00Z", 5, "2025-02-07"),
        ("2025-01-24T02:00:00Z", 10, "2025-02-13"),
        // Dispatched Monday 2025-01-27 08:30 CST, the last working day before the break.
        ("2025-01-27T00:30:00Z", 3, "2025-02-07"),
        ("2025-01-27T00:30:00Z", 5, "2025-02-10"),
        ("2025-01-27T00:30:00Z", 10, "2025-02-17"),
    ])
    func springFestival2025(dispatched: String, n: Int, expected: String) throws {
        let deadline = calendar.deadline(workingDays: n, from: try utcInstant(dispatched))
        #expect(deadline == (try day(expected)).endInChinaStandardTime)
    }

    @Test("3, 5 and 10 working days across the 2024 National Day", arguments: [
        // Dispatched Friday 2024-09-27: 09-29 (Sun, worked) 1, 09-30 2, [10-01 … 10-07 off], 10-08 3,
        // 10-09 4, 10-10 5, 10-11 6, 10-12 (Sat, worked) 7, 10-14 8, 10-15 9, 10-16 10.
        ("2024-09-27T06:00:00Z", 3, "2024-10-08"),
        ("2024-09-27T06:00:00Z", 5, "2024-10-10"),
        ("2024-09-27T06:00:00Z", 10, "2024-10-16"),
        // Dispatched Friday 2024-09-13, before the Mid-Autumn break: 09-14 (Sat, worked) 1, [09-15 … 09-17 off], 09-18 2, 09-19 3.
        ("2024-09-13T06:00:00Z", 3, "2024-09-19"),
    ])
    func nationalDay2024(dispatched: String, n: Int, expected: String) throws {
        let deadline = calendar.deadline(workingDays: n, from: try utcInstant(dispatched))
        #expect(deadline == (try day(expected)).endInChinaStandardTime)
    }

    // MARK: The instant

    @Test("The deadline is 24:00 UTC+8 of the date, taken from the dispatch's CST date")
    func deadlineInstant() throws {
        // Given a dispatch at 2026-09-27T17:30:00Z, which is 2026-09-28 01:30 in Beijing
        let dispatched = try utcInstant("2026-09-27T17:30:00Z")
        #expect(CivilDate.inChinaStandardTime(dispatched) == (try day("2026-09-28")))
        // When the deadline is 10 working days
        let deadline = calendar.deadline(workingDays: 10, from: dispatched)
        // Then it is 2026-10-16 24:00 CST = 2026-10-16T16:00:00Z
        #expect(deadline == (try day("2026-10-16")).endInChinaStandardTime)
        #expect(deadline == (try utcInstant("2026-10-16T16:00:00Z")))
    }

    @Test("A dispatch just before CST midnight belongs to the earlier date")
    func justBeforeMidnight() throws {
        // 2026-09-27T15:59:59Z is Sunday 2026-09-27 23:59:59 CST (中秋节): one working day → Monday 09-28
        let lateSunday = try utcInstant("2026-09-27T15:59:59Z")
        #expect(calendar.deadline(workingDays: 1, from: lateSunday) == (try day("2026-09-28")).endInChinaStandardTime)
        // One second later it is Monday 09-28 in Beijing: one working day → Tuesday 09-29
        let earlyMonday = try utcInstant("2026-09-27T16:00:00Z")
        #expect(calendar.deadline(workingDays: 1, from: earlyMonday) == (try day("2026-09-29")).endInChinaStandardTime)
    }

    @Test("Zero working days ends with the dispatch date itself")
    func zeroDays() throws {
        let dispatched = try utcInstant("2026-10-03T04:00:00Z")   // a holiday, 12:00 CST
        #expect(calendar.deadline(workingDays: 0, from: dispatched) == (try day("2026-10-03")).endInChinaStandardTime)
    }

    @Test("Every instant of one CST date gives the same deadline")
    func wholeCSTDateAgrees() throws {
        // From 2026-09-28 00:00 CST to 23:59:59 CST, in steps of 59 minutes
        let start = try day("2026-09-28").startInChinaStandardTime
        let expected = try day("2026-10-16").endInChinaStandardTime
        for step in stride(from: 0.0, to: 86_400, by: 3_540) {
            #expect(calendar.deadline(workingDays: 10, from: start.addingTimeInterval(step)) == expected)
        }
        #expect(calendar.deadline(workingDays: 10, from: start.addingTimeInterval(86_399.999)) == expected)
        #expect(calendar.deadline(workingDays: 10, from: start.addingTimeInterval(-0.001)) != expected)
    }

    @Test("Deadlines are whole UTC+8 midnights, whatever the machine's time zone")
    func independentOfMachineTimeZone() throws {
        // Given the process's zone is whatever it is (run the suite with TZ=America/Los_Angeles to see)
        _ = TimeZone.current
        // When computing a deadline
        let deadline = calendar.deadline(workingDays: 3, from: try utcInstant("2026-10-09T20:00:00Z"))
        // Then it is 16:00 UTC exactly: 24:00 UTC+8 (10-10 04:00 CST dispatch → 10-12, 13, 14)
        #expect(deadline == (try utcInstant("2026-10-14T16:00:00Z")))
        #expect(Int(deadline.timeIntervalSince1970) % 86_400 == 16 * 3600)
    }

    @Test("Extensions and second dispatches compute the same way from their own instant")
    func recomputedFromALaterInstant() throws {
        // Given a complaint dispatched 2026-09-28 and a second dispatch on 2026-10-16 10:00 CST
        let second = try utcInstant("2026-10-16T02:00:00Z")
        // Then 10 working days from the second dispatch end on 2026-10-30
        #expect(calendar.deadline(workingDays: 10, from: second) == (try day("2026-10-30")).endInChinaStandardTime)
    }
}

private func day(_ text: String) throws -> CivilDate {
    try #require(CivilDate(text))
}

/// The instant an ISO 8601 text with an explicit `Z` names.
private func utcInstant(_ text: String) throws -> Date {
    try Date(text, strategy: .iso8601)
}
