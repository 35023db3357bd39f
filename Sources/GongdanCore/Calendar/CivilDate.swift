public import Foundation

/// A calendar date (no time of day), in China Standard Time when derived from an instant.
///
/// Deadlines, working days and report periods are all counted in whole dates. A `CivilDate` is
/// the proleptic Gregorian date, held as its number of days since 1970-01-01 so that comparing,
/// hashing and stepping by days are plain integer operations. Conversions to and from instants
/// always use UTC+8, whatever the machine's time zone, because every deadline in Gongdan is a
/// China Standard Time deadline.
///
/// ```swift
/// let national = CivilDate("2026-10-01")!        // or CivilDate(year: 2026, month: 10, day: 1)!
/// national.weekday                               // 4 (Thursday)
/// national.adding(days: 7).description           // "2026-10-08"
/// CivilDate.inChinaStandardTime(someInstant)     // the date on a wall clock in Beijing
/// ```
///
/// A `CivilDate` encodes as the single ISO 8601 string `"2026-10-01"`.
///
/// The arithmetic is Howard Hinnant's `days_from_civil` / `civil_from_days`
/// (<https://howardhinnant.github.io/date_algorithms.html>), not `Foundation.Calendar`:
/// it is exact, allocation-free and independent of the process's time zone and locale.
///
/// ## Topics
///
/// ### Creating a date
/// - ``init(year:month:day:)``
/// - ``init(_:)``
/// - ``init(daysSince1970:)``
/// - ``inChinaStandardTime(_:)``
///
/// ### Arithmetic
/// - ``adding(days:)``
/// - ``days(until:)``
/// - ``weekday``
///
/// ### Instants
/// - ``startInChinaStandardTime``
/// - ``endInChinaStandardTime``
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, LosslessStringConvertible {
    /// The year, e.g. `2026`.
    public let year: Int
    /// The month, `1...12`.
    public let month: Int
    /// The day of the month, `1...31`.
    public let day: Int
    /// The number of days from 1970-01-01 to this date (negative before it).
    ///
    /// Two dates are equal, and ordered, exactly as their day numbers are.
    public let daysSince1970: Int

    /// The years a date can be created from components or text, so that it always prints as `YYYY-MM-DD`.
    public static let supportedYears: ClosedRange<Int> = 1...9999

    /// Seconds east of UTC of China Standard Time (UTC+8, no daylight saving time).
    public static let chinaStandardTimeOffset: Int = 8 * 3600

    private static let secondsPerDay: Int = 86_400

    /// Creates the date with these components, or `nil` when no such date exists.
    ///
    /// ```swift
    /// CivilDate(year: 2024, month: 2, day: 29)   // a date (2024 is a leap year)
    /// CivilDate(year: 2026, month: 2, day: 30)   // nil
    /// ```
    ///
    /// - Parameters:
    ///   - year: The year, in ``supportedYears``.
    ///   - month: The month, `1...12`.
    ///   - day: The day of the month, valid for that month and year.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.supportedYears.contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysInMonth(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.daysSince1970 = Self.daysFromCivil(year: year, month: month, day: day)
    }

    /// Creates the date written in `iso`, strictly `YYYY-MM-DD` with ASCII digits; `nil` otherwise.
    ///
    /// ```swift
    /// CivilDate("2026-10-01")    // 2026-10-01
    /// CivilDate("2026-1-1")      // nil: month and day need two digits
    /// CivilDate("2026-02-30")    // nil: no such date
    /// CivilDate(" 2026-10-01")   // nil: no surrounding spaces, no time of day
    /// ```
    public init?(_ iso: String) {
        var text = iso
        guard let (year, month, day) = text.withUTF8(Self.parseISO) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Creates the date that is `daysSince1970` days after 1970-01-01 (before it when negative).
    ///
    /// Every integer gives a date; dates outside ``supportedYears`` print with a wider or signed year
    /// and cannot be parsed back by ``init(_:)``.
    public init(daysSince1970: Int) {
        let (year, month, day) = Self.civilFromDays(daysSince1970)
        self.year = year
        self.month = month
        self.day = day
        self.daysSince1970 = daysSince1970
    }

    /// The date as `YYYY-MM-DD`, e.g. `"2026-10-01"`.
    public var description: String {
        let yearText = year >= 0 ? Self.padded(year, width: 4) : "-" + Self.padded(-year, width: 4)
        return yearText + "-" + Self.padded(month, width: 2) + "-" + Self.padded(day, width: 2)
    }

    /// The ISO 8601 weekday: `1` = Monday … `6` = Saturday, `7` = Sunday.
    ///
    /// ```swift
    /// CivilDate("2026-10-01")!.weekday   // 4, a Thursday
    /// ```
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let mondayBased = ((daysSince1970 % 7) + 7 + 3) % 7
        return mondayBased + 1
    }

    /// Whether this date is a Saturday or a Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// The date `days` days later (earlier when `days` is negative).
    ///
    /// ```swift
    /// CivilDate("2026-02-28")!.adding(days: 1)   // 2026-03-01
    /// ```
    public func adding(days: Int) -> CivilDate {
        CivilDate(daysSince1970: daysSince1970 + days)
    }

    /// The number of days from this date to `other`: `other − self`, negative when `other` is earlier.
    ///
    /// ```swift
    /// CivilDate("2026-09-28")!.days(until: CivilDate("2026-10-16")!)   // 18
    /// ```
    public func days(until other: CivilDate) -> Int {
        other.daysSince1970 - daysSince1970
    }

    /// The date a wall clock in China Standard Time (UTC+8) shows at `instant`.
    ///
    /// The machine's time zone (`TZ`, `TimeZone.current`) plays no part:
    ///
    /// ```swift
    /// // 2026-09-27T17:30:00Z is 2026-09-28 01:30 in Beijing.
    /// CivilDate.inChinaStandardTime(Date(timeIntervalSince1970: 1_790_530_200))   // 2026-09-28
    /// ```
    ///
    /// Non-finite instants are treated as the nearest finite extreme.
    public static func inChinaStandardTime(_ instant: Date) -> CivilDate {
        var seconds = instant.timeIntervalSince1970 + Double(chinaStandardTimeOffset)
        // Keep `Int(_:)` from trapping on NaN or infinity; ±1e15 s is about ±31 million years.
        if seconds.isNaN { seconds = 0 }
        seconds = min(max(seconds, -1e15), 1e15)
        let days = Int((seconds / Double(secondsPerDay)).rounded(.down))
        return CivilDate(daysSince1970: days)
    }

    /// The instant this date begins in China Standard Time: 00:00 UTC+8 (16:00 UTC the day before).
    public var startInChinaStandardTime: Date {
        Date(timeIntervalSince1970: TimeInterval(daysSince1970 * Self.secondsPerDay - Self.chinaStandardTimeOffset))
    }

    /// The instant this date ends in China Standard Time: 24:00 UTC+8, which is the next day's 00:00 UTC+8.
    ///
    /// A deadline "on" a date is this instant: anything strictly before it is in time.
    public var endInChinaStandardTime: Date {
        adding(days: 1).startInChinaStandardTime
    }

    // MARK: Equatable, Hashable, Comparable

    /// Whether two dates are the same day.
    public static func == (lhs: CivilDate, rhs: CivilDate) -> Bool {
        lhs.daysSince1970 == rhs.daysSince1970
    }

    /// Hashes the day number.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(daysSince1970)
    }

    /// Whether `lhs` is an earlier day than `rhs`.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        lhs.daysSince1970 < rhs.daysSince1970
    }

    // MARK: Codable

    /// Decodes a date from a single string `"YYYY-MM-DD"`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the offending text when it is not a valid date in that form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\"\(text)\" is not a calendar date written YYYY-MM-DD (for example \"2026-10-01\")"
            )
        }
        self = date
    }

    /// Encodes the date as the single string `"YYYY-MM-DD"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: Day-number arithmetic (Howard Hinnant)

    /// Days from 1970-01-01 to the proleptic Gregorian date `year-month-day`.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400                                          // [0, 399]
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1   // [0, 365]
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear   // [0, 146096]
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` days from 1970-01-01.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097                                       // [0, 146096]
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365   // [0, 399]
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)   // [0, 365]
        let monthIndex = (5 * dayOfYear + 2) / 153                             // [0, 11], March = 0
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1                   // [1, 31]
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9          // [1, 12]
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Whether `year` is a leap year of the Gregorian calendar.
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Parses exactly `DDDD-DD-DD` (ASCII digits); no range checks.
    private static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        let dash = UInt8(ascii: "-")
        guard bytes.count == 10, bytes[4] == dash, bytes[7] == dash else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
