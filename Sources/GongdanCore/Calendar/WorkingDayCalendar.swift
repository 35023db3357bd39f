public import Foundation

/// Which dates are working days (工作日), and the deadlines counted in them.
///
/// A date is a working day when the holiday schedule of its year says so; a date the schedule does not
/// list, or a date in a year without a schedule, follows the ordinary rule: Monday–Friday.
/// A year without a schedule is a gap the operator must fill: callers print a loud warning for the
/// years ``yearsWithoutSchedule(from:through:)`` returns.
///
/// The deadline rule (DESIGN §2): N working days from dispatch end at 24:00 China Standard Time of the
/// N-th working day *after* the dispatch date, which is the dispatch instant's date in UTC+8. The dispatch
/// date itself never counts, whether or not it is a working day.
///
/// ```swift
/// let calendar = WorkingDayCalendar.official
/// let dispatched = CivilDate("2026-09-28")!
/// calendar.workingDay(10, after: dispatched)               // 2026-10-16: the Saturday 10-10 is worked
/// calendar.deadline(workingDays: 10, from: dispatchInstant) // 2026-10-16 24:00 UTC+8
///
/// // A new year's notice, loaded from a file:
/// let loaded = try WorkingDayCalendar.decodeSchedules(from: Data(contentsOf: url))
/// let calendar2027 = WorkingDayCalendar.official.adding(loaded)
/// ```
///
/// All queries are pure and cheap: a dictionary lookup per date, and counts over ranges in
/// logarithmic time.
///
/// ## Topics
///
/// ### Creating a calendar
/// - ``official``
/// - ``init(schedules:)``
/// - ``adding(_:)``
/// - ``decodeSchedules(from:)``
///
/// ### Working days
/// - ``isWorkingDay(_:)``
/// - ``workingDay(_:after:)``
/// - ``workingDays(from:through:)``
/// - ``deadline(workingDays:from:)``
///
/// ### Coverage
/// - ``years``
/// - ``hasSchedule(for:)``
/// - ``schedule(for:)``
/// - ``yearsWithoutSchedule(from:through:)``
public struct WorkingDayCalendar: Sendable {
    /// The schedules in use, one per year, sorted by year.
    public let schedules: [HolidaySchedule]

    /// Day number → whether it is a working day, only for dates where the schedules depart from Monday–Friday.
    private let exceptions: [Int: Bool]
    /// Sorted day numbers of weekend days made working days.
    private let weekendWorkdays: [Int]
    /// Sorted day numbers of Monday–Friday dates made days off.
    private let weekdayHolidays: [Int]
    private let scheduleYears: Set<Int>

    /// The calendar of the built-in official schedules, 2023–2026 (``HolidaySchedule/official``).
    public static let official = WorkingDayCalendar(schedules: HolidaySchedule.official)

    /// Creates a calendar from these schedules.
    ///
    /// When two schedules are for the same year, the later one in `schedules` is used. When schedules
    /// disagree about a date, the schedule of the date's own year decides (a schedule may list dates of
    /// the December before its year). The schedules are used as given: validate schedules from outside
    /// with ``HolidaySchedule/validate()`` or load them with ``decodeSchedules(from:)``.
    public init(schedules: [HolidaySchedule]) {
        var byYear: [Int: HolidaySchedule] = [:]
        for schedule in schedules { byYear[schedule.year] = schedule }
        let sorted = byYear.values.sorted { $0.year < $1.year }

        // Listings of a date by the schedule of another year apply first; its own year's listing overrides.
        var fromOtherYear: [Int: Bool] = [:]
        var fromOwnYear: [Int: Bool] = [:]
        for schedule in sorted {
            for (dates, working) in [(schedule.holidays, false), (schedule.workdays, true)] {
                for date in dates {
                    if date.year == schedule.year {
                        fromOwnYear[date.daysSince1970] = working
                    } else {
                        fromOtherYear[date.daysSince1970] = working
                    }
                }
            }
        }
        let listed = fromOtherYear.merging(fromOwnYear) { _, own in own }
        let exceptions = listed.filter { day, working in working != !Self.isWeekend(day) }

        self.schedules = sorted
        self.exceptions = exceptions
        self.weekendWorkdays = exceptions.filter { $0.value }.keys.sorted()
        self.weekdayHolidays = exceptions.filter { !$0.value }.keys.sorted()
        self.scheduleYears = Set(byYear.keys)
    }

    /// This calendar with `schedules` added; a schedule replaces one of the same year already here.
    ///
    /// ```swift
    /// let calendar = WorkingDayCalendar.official.adding(try WorkingDayCalendar.decodeSchedules(from: data))
    /// ```
    public func adding(_ schedules: [HolidaySchedule]) -> WorkingDayCalendar {
        let replaced = Set(schedules.map(\.year))
        return WorkingDayCalendar(schedules: self.schedules.filter { !replaced.contains($0.year) } + schedules)
    }

    /// The years that have a schedule, sorted.
    public var years: [Int] { schedules.map(\.year) }

    /// Whether `year` has a schedule (otherwise its dates fall back to Monday–Friday).
    public func hasSchedule(for year: Int) -> Bool {
        scheduleYears.contains(year)
    }

    /// The schedule for `year`, if there is one.
    public func schedule(for year: Int) -> HolidaySchedule? {
        schedules.first { $0.year == year }
    }

    /// Whether `date` is a working day: as the schedules list it, else Monday–Friday.
    ///
    /// ```swift
    /// WorkingDayCalendar.official.isWorkingDay(CivilDate("2026-10-10")!)   // true: a make-up Saturday
    /// WorkingDayCalendar.official.isWorkingDay(CivilDate("2026-10-05")!)   // false: National Day
    /// ```
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        isWorkingDay(day: date.daysSince1970)
    }

    /// The `n`-th working day strictly after `date`; the date itself never counts.
    ///
    /// ```swift
    /// let calendar = WorkingDayCalendar.official
    /// calendar.workingDay(1, after: CivilDate("2026-03-06")!)    // Friday → Monday 2026-03-09
    /// calendar.workingDay(1, after: CivilDate("2026-03-07")!)    // Saturday → Monday 2026-03-09
    /// calendar.workingDay(10, after: CivilDate("2026-09-28")!)   // 2026-10-16
    /// ```
    ///
    /// - Parameters:
    ///   - n: How many working days to count, normally `1` or more. `0` gives `date` itself; a negative
    ///     `n` counts backwards (`-1` is the last working day strictly before `date`).
    ///   - date: The starting date, usually the dispatch date in China Standard Time.
    public func workingDay(_ n: Int, after date: CivilDate) -> CivilDate {
        var day = date.daysSince1970
        var remaining = n.magnitude
        let step = n >= 0 ? 1 : -1
        while remaining > 0 {
            day += step
            if isWorkingDay(day: day) { remaining -= 1 }
        }
        return day == date.daysSince1970 ? date : CivilDate(daysSince1970: day)
    }

    /// The number of working days from `from` through `through`, both included; `0` when `through < from`.
    ///
    /// ```swift
    /// let october = WorkingDayCalendar.official.workingDays(
    ///     from: CivilDate("2026-10-01")!, through: CivilDate("2026-10-31")!)   // 18
    /// ```
    public func workingDays(from: CivilDate, through: CivilDate) -> Int {
        let first = from.daysSince1970, last = through.daysSince1970
        guard first <= last else { return 0 }
        return Self.mondayToFridayCount(first, last)
            + Self.count(of: weekendWorkdays, in: first, last)
            - Self.count(of: weekdayHolidays, in: first, last)
    }

    /// The deadline `n` working days from `instant`: 24:00 China Standard Time (UTC+8) of the `n`-th working
    /// day after the instant's date in UTC+8.
    ///
    /// ```swift
    /// // Dispatched 2026-09-27T17:30:00Z = 2026-09-28 01:30 in Beijing; the dispatch date is 2026-09-28.
    /// calendar.deadline(workingDays: 10, from: dispatched)   // 2026-10-16T16:00:00Z = 2026-10-17 00:00 UTC+8
    /// ```
    ///
    /// The machine's time zone plays no part.
    ///
    /// - Parameters:
    ///   - n: The number of working days; `0` gives the end of the dispatch date itself (see
    ///     ``workingDay(_:after:)`` for negative values).
    ///   - instant: When the clock starts, e.g. the dispatch.
    /// - Returns: The instant the period ends; anything strictly before it is in time.
    public func deadline(workingDays n: Int, from instant: Date) -> Date {
        workingDay(n, after: CivilDate.inChinaStandardTime(instant)).endInChinaStandardTime
    }

    /// The years from `from.year` through `through.year` that have no schedule and so fall back to
    /// Monday–Friday, sorted; empty when `through < from`.
    ///
    /// Callers print a loud warning naming these years: deadlines in them ignore public holidays until the
    /// operator loads the year's notice.
    public func yearsWithoutSchedule(from: CivilDate, through: CivilDate) -> [Int] {
        guard from <= through else { return [] }
        return (from.year...through.year).filter { !scheduleYears.contains($0) }
    }

    // MARK: Day-number helpers

    private func isWorkingDay(day: Int) -> Bool {
        exceptions[day] ?? !Self.isWeekend(day)
    }

    /// Whether day number `day` is a Saturday or a Sunday (1970-01-01 was a Thursday).
    private static func isWeekend(_ day: Int) -> Bool {
        mondayBasedWeekday(day) >= 5
    }

    /// `0` = Monday … `6` = Sunday.
    private static func mondayBasedWeekday(_ day: Int) -> Int {
        ((day % 7) + 7 + 3) % 7
    }

    /// The number of Mondays–Fridays in the day numbers `first...last` (`first <= last`).
    private static func mondayToFridayCount(_ first: Int, _ last: Int) -> Int {
        let length = last - first + 1
        let start = mondayBasedWeekday(first)
        var count = (length / 7) * 5
        for offset in 0..<(length % 7) where (start + offset) % 7 < 5 {
            count += 1
        }
        return count
    }

    /// The number of elements of the sorted `days` within `first...last`.
    private static func count(of days: [Int], in first: Int, _ last: Int) -> Int {
        lowerBound(of: last + 1, in: days) - lowerBound(of: first, in: days)
    }

    /// The index of the first element of the sorted `days` that is `>= value`.
    private static func lowerBound(of value: Int, in days: [Int]) -> Int {
        var low = 0, high = days.count
        while low < high {
            let middle = (low + high) / 2
            if days[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

// MARK: - Loading schedules

extension WorkingDayCalendar {
    /// Decodes and validates the holiday schedules in `data`: one schedule object, or an array of them.
    ///
    /// The format is ``HolidaySchedule``'s JSON, as in `calendars/2026.json`:
    ///
    /// ```json
    /// {
    ///   "year": 2026,
    ///   "source": "国办发明电〔2025〕7号",
    ///   "holidays": ["2026-01-01", "2026-01-02", "2026-01-03", …],
    ///   "workdays": ["2026-01-04", …]
    /// }
    /// ```
    ///
    /// All four fields are required (`"workdays"` may be `[]`) and no other field is accepted, so that a
    /// misspelt field cannot silently drop make-up working days. Every schedule must pass
    /// ``HolidaySchedule/validate()``, and no two may be for the same year.
    ///
    /// - Parameter data: The content of a schedule file. Only this value is read; no file is opened.
    /// - Returns: The schedules in the order they appear.
    /// - Throws: ``CalendarError`` saying precisely what is wrong: not JSON, a missing or unknown field, a date
    ///   that is not `YYYY-MM-DD`, a date outside its year, a date both holiday and workday, a workday on a
    ///   weekday, a year out of range, a year given twice.
    public static func decodeSchedules(from data: Data) throws -> [HolidaySchedule] {
        let raw: RawScheduleFile
        do {
            raw = try JSONDecoder().decode(RawScheduleFile.self, from: data)
        } catch let error as CalendarError {
            throw error
        } catch let error as DecodingError {
            throw CalendarError(decodingError: error, data: data)
        }
        guard !raw.schedules.isEmpty else { throw CalendarError.noSchedules }

        var years = Set<Int>()
        return try raw.schedules.map { rawSchedule in
            let schedule = try rawSchedule.validated()
            guard years.insert(schedule.year).inserted else { throw CalendarError.duplicateYear(schedule.year) }
            return schedule
        }
    }
}

/// The top level of a schedule file: one schedule object or an array of them.
private struct RawScheduleFile: Decodable {
    var schedules: [RawSchedule]

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var schedules: [RawSchedule] = []
            while !array.isAtEnd { schedules.append(try array.decode(RawSchedule.self)) }
            self.schedules = schedules
        } else {
            self.schedules = [try RawSchedule(from: decoder)]
        }
    }
}

/// One schedule as written, dates still text, so that a bad date can be reported with its schedule's year.
private struct RawSchedule: Decodable {
    var year: Int
    var source: String
    var holidays: [String]
    var workdays: [String]

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case year, source, holidays, workdays
    }

    /// Any key, to find the ones that are not ours.
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        let unknown = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
            .filter { !known.contains($0) }.sorted()
        if let first = unknown.first {
            throw CalendarError.malformed(
                path: CalendarError.describe(decoder.codingPath),
                detail: "unknown field \"\(first)\" (the fields are \"year\", \"source\", \"holidays\" and \"workdays\")"
            )
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        year = try container.decode(Int.self, forKey: .year)
        source = try container.decode(String.self, forKey: .source)
        holidays = try container.decode([String].self, forKey: .holidays)
        workdays = try container.decode([String].self, forKey: .workdays)
    }

    /// The schedule these texts describe, checked.
    func validated() throws -> HolidaySchedule {
        guard HolidaySchedule.supportedYears.contains(year) else { throw CalendarError.yearOutOfRange(year) }
        func dates(_ texts: [String], _ list: CalendarError.DayList) throws -> [CivilDate] {
            try texts.map { text in
                guard let date = CivilDate(text) else { throw CalendarError.invalidDate(text, year: year, list: list) }
                return date
            }
        }
        let schedule = HolidaySchedule(
            year: year, source: source,
            holidays: try dates(holidays, .holidays), workdays: try dates(workdays, .workdays)
        )
        try schedule.validate()
        return schedule
    }
}

extension CalendarError {
    /// The error for a file `JSONDecoder` could not read as schedules.
    fileprivate init(decodingError error: DecodingError, data: Data) {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self = .notJSON(detail: Self.jsonProblem(in: data) ?? context.debugDescription)
        case .dataCorrupted(let context):
            self = .malformed(path: Self.describe(context.codingPath), detail: context.debugDescription)
        case .keyNotFound(let key, let context):
            self = .malformed(path: Self.describe(context.codingPath), detail: "the field \"\(key.stringValue)\" is missing")
        case .typeMismatch(let type, let context):
            self = .malformed(path: Self.describe(context.codingPath), detail: "expected \(Self.jsonKind(type))")
        case .valueNotFound(let type, let context):
            self = .malformed(path: Self.describe(context.codingPath), detail: "null where \(Self.jsonKind(type)) belongs")
        @unknown default:
            self = .malformed(path: "", detail: String(describing: error))
        }
    }

    /// A coding path written as in the file, e.g. `[1].holidays[3]`.
    fileprivate static func describe(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// What the JSON parser objects to in `data`, as precisely as it says, with the line and column when it
    /// gives only a character offset; `nil` when it does not say.
    private static func jsonProblem(in data: Data) -> String? {
        if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) { return "the data is empty" }
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            guard var detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String else { return nil }
            if detail.hasSuffix(".") { detail.removeLast() }
            // "Invalid value around character 8" → add ", at line 1, column 9"
            if let range = detail.range(of: "around character "),
               let offset = Int(detail[range.upperBound...].prefix(while: \.isNumber)), offset <= data.count {
                let before = data.prefix(offset)
                let line = before.filter { $0 == 0x0A }.count + 1
                let column = offset - (before.lastIndex(of: 0x0A).map { $0 - data.startIndex + 1 } ?? 0) + 1
                detail += ", at line \(line), column \(column)"
            }
            return detail
        }
    }

    /// The JSON kind a Swift type is read from.
    private static func jsonKind(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is String.Type: "a string"
        case is [String].Type, is [Any].Type: "an array of strings"
        default: "an object {\"year\": …, \"source\": …, \"holidays\": […], \"workdays\": […]}"
        }
    }
}
