import Foundation
import GongdanCore
import Testing

@Suite("CivilDate")
struct CivilDateTests {
    // MARK: Creating and printing

    @Test("A date prints as YYYY-MM-DD and parses back to itself", arguments: [
        "2026-10-01", "2024-02-29", "2000-01-01", "1970-01-01", "1969-12-31", "0001-01-01", "9999-12-31", "2023-12-31",
    ])
    func roundTripsThroughText(text: String) throws {
        let date = try #require(CivilDate(text))
        #expect(date.description == text)
        #expect(CivilDate(date.description) == date)
        #expect(CivilDate(year: date.year, month: date.month, day: date.day) == date)
        #expect(CivilDate(daysSince1970: date.daysSince1970) == date)
    }

    @Test("Components are kept as given")
    func keepsComponents() throws {
        let date = try #require(CivilDate(year: 2026, month: 10, day: 1))
        #expect(date.year == 2026)
        #expect(date.month == 10)
        #expect(date.day == 1)
        #expect(date.description == "2026-10-01")
    }

    @Test("Dates that do not exist are rejected", arguments: [
        (2026, 2, 30), (2025, 2, 29), (2100, 2, 29), (2026, 4, 31), (2026, 13, 1), (2026, 0, 10), (2026, 1, 0),
        (2026, 1, 32), (0, 1, 1), (10_000, 1, 1), (-1, 6, 1),
    ])
    func rejectsImpossibleComponents(year: Int, month: Int, day: Int) {
        #expect(CivilDate(year: year, month: month, day: day) == nil)
    }

    @Test("Leap days exist only in leap years")
    func leapDays() {
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2026, month: 2, day: 29) == nil)
    }

    @Test("Only strict YYYY-MM-DD text parses", arguments: [
        "2026-02-30", "2026-1-1", "2026-10-1", "26-10-01", "2026/10/01", "2026-10-01T00:00", " 2026-10-01",
        "2026-10-01 ", "+2026-10-01", "2026-10-0a", "２０２６-10-01", "", "0000-01-01", "-026-10-01", "2026_10-01",
    ])
    func rejectsLooseText(text: String) {
        #expect(CivilDate(text) == nil)
    }

    // MARK: Weekdays

    @Test("The ISO weekday is right for known dates", arguments: [
        ("2026-10-01", 4),   // Thursday: National Day 2026
        ("1970-01-01", 4),   // Thursday: day 0
        ("1969-12-31", 3),   // Wednesday: a negative day number
        ("2000-01-01", 6),   // Saturday
        ("2023-01-01", 7),   // Sunday
        ("2024-02-29", 4),   // Thursday
        ("2026-10-10", 6),   // Saturday: a make-up working day
        ("2025-01-27", 1),   // Monday
        ("1900-01-01", 1),   // Monday
    ])
    func weekdayOfKnownDates(text: String, weekday: Int) throws {
        let date = try #require(CivilDate(text))
        #expect(date.weekday == weekday)
        #expect(date.isWeekend == (weekday >= 6))
    }

    // MARK: Arithmetic

    @Test("Adding days crosses months, years and leap days")
    func addingDays() throws {
        let date = { (text: String) in try #require(CivilDate(text)) }
        #expect(try date("2026-02-28").adding(days: 1) == date("2026-03-01"))
        #expect(try date("2024-02-28").adding(days: 1) == date("2024-02-29"))
        #expect(try date("2026-12-31").adding(days: 1) == date("2027-01-01"))
        #expect(try date("2027-01-01").adding(days: -1) == date("2026-12-31"))
        #expect(try date("2026-09-28").adding(days: 18) == date("2026-10-16"))
        #expect(try date("2026-10-01").adding(days: 0) == date("2026-10-01"))
        #expect(try date("2026-10-01").adding(days: 365) == date("2027-10-01"))
    }

    @Test("days(until:) is the signed difference and undoes adding(days:)")
    func daysUntil() throws {
        let start = try #require(CivilDate("2026-09-28"))
        let end = try #require(CivilDate("2026-10-16"))
        #expect(start.days(until: end) == 18)
        #expect(end.days(until: start) == -18)
        #expect(start.days(until: start) == 0)
        for offset in [-100_000, -366, -1, 0, 1, 59, 365, 366, 100_000] {
            #expect(start.days(until: start.adding(days: offset)) == offset)
        }
    }

    @Test("Day numbers step through 1900–2200 exactly like the calendar")
    func dayNumbersMatchTheCalendar() throws {
        // Given an independent successor function over (year, month, day)
        func daysIn(_ year: Int, _ month: Int) -> Int {
            switch month {
            case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }
        var (year, month, day) = (1900, 1, 1)
        var date = try #require(CivilDate(year: year, month: month, day: day))
        // When walking one day at a time
        while year < 2200 {
            day += 1
            if day > daysIn(year, month) { day = 1; month += 1 }
            if month > 12 { month = 1; year += 1 }
            let next = date.adding(days: 1)
            // Then every step lands on the next calendar date, and its day number is one more
            guard next.year == year, next.month == month, next.day == day,
                  next.daysSince1970 == date.daysSince1970 + 1,
                  next.weekday == date.weekday % 7 + 1
            else {
                Issue.record("after \(date) came \(next), expected \(year)-\(month)-\(day)")
                return
            }
            date = next
        }
    }

    @Test("Dates order and hash by day")
    func comparableAndHashable() throws {
        let early = try #require(CivilDate("2025-12-31"))
        let late = try #require(CivilDate("2026-01-01"))
        #expect(early < late)
        #expect([late, early].sorted() == [early, late])
        #expect(Set([early, late, CivilDate("2026-01-01")!]).count == 2)
    }

    // MARK: Codable

    @Test("A date encodes as the single ISO string")
    func encodesAsString() throws {
        let date = try #require(CivilDate("2026-10-01"))
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-10-01"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [date])
    }

    @Test("Decoding an invalid date string throws a DecodingError naming it")
    func decodingInvalidTextThrows() throws {
        let data = Data(#"["2026-02-30"]"#.utf8)
        do {
            _ = try JSONDecoder().decode([CivilDate].self, from: data)
            Issue.record("2026-02-30 decoded")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription.contains("2026-02-30"))
            #expect(context.debugDescription.contains("YYYY-MM-DD"))
        }
    }

    @Test("LosslessStringConvertible works generically")
    func losslessStringConvertible() {
        func parse<T: LosslessStringConvertible>(_ text: String, as type: T.Type) -> T? { T(text) }
        #expect(parse("2026-10-01", as: CivilDate.self)?.description == "2026-10-01")
    }

    // MARK: China Standard Time

    @Test("The CST date changes at 16:00 UTC", arguments: [
        ("2026-09-27T17:30:00Z", "2026-09-28"),   // 01:30 the next morning in Beijing
        ("2026-09-30T15:59:59Z", "2026-09-30"),   // 23:59:59 CST
        ("2026-09-30T16:00:00Z", "2026-10-01"),   // 00:00:00 CST
        ("2026-10-01T00:00:00Z", "2026-10-01"),
        ("2026-12-31T16:00:00Z", "2027-01-01"),   // New Year in Beijing, still 2026 in UTC
        ("1969-12-31T15:59:59Z", "1969-12-31"),   // before the epoch
        ("1969-12-31T16:00:00Z", "1970-01-01"),
    ])
    func chinaStandardTimeDate(instant: String, expected: String) throws {
        #expect(try CivilDate.inChinaStandardTime(utcInstant(instant)).description == expected)
    }

    @Test("The last fraction of a second before CST midnight still belongs to the day")
    func fractionBeforeMidnight() throws {
        let midnight = try utcInstant("2026-09-30T16:00:00Z")
        #expect(CivilDate.inChinaStandardTime(midnight.addingTimeInterval(-0.001)).description == "2026-09-30")
        #expect(CivilDate.inChinaStandardTime(midnight).description == "2026-10-01")
    }

    @Test("A date starts and ends at 00:00 and 24:00 UTC+8")
    func startAndEnd() throws {
        let date = try #require(CivilDate("2026-10-01"))
        #expect(try date.startInChinaStandardTime == utcInstant("2026-09-30T16:00:00Z"))
        #expect(try date.endInChinaStandardTime == utcInstant("2026-10-01T16:00:00Z"))
        #expect(date.endInChinaStandardTime == date.adding(days: 1).startInChinaStandardTime)
        #expect(CivilDate.inChinaStandardTime(date.startInChinaStandardTime) == date)
        #expect(CivilDate.inChinaStandardTime(date.endInChinaStandardTime) == date.adding(days: 1))
    }

    @Test("CST dates agree with Foundation's calendar in a fixed UTC+8 zone")
    func agreesWithFoundation() throws {
        // Given Foundation's Gregorian calendar pinned to UTC+8 (never the machine's zone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 8 * 3600))
        // When converting instants spread over 1950–2100 (a fixed linear congruential sequence)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let seconds = Double(seed >> 11) / Double(1 << 53) * 4_733_510_400 - 631_152_000
            let instant = Date(timeIntervalSince1970: seconds.rounded(.down))
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: instant)
            let date = CivilDate.inChinaStandardTime(instant)
            // Then the date and weekday match (Foundation: 1 = Sunday)
            #expect(date.year == parts.year && date.month == parts.month && date.day == parts.day, "\(instant)")
            #expect(date.weekday == ((parts.weekday ?? 0) + 5) % 7 + 1, "\(instant)")
        }
    }
}

/// The instant an ISO 8601 text with an explicit `Z` names.
private func utcInstant(_ text: String) throws -> Date {
    try Date(text, strategy: .iso8601)
}
