/// What is wrong with a holiday schedule an operator tried to load, and how to fix it.
///
/// ``WorkingDayCalendar/decodeSchedules(from:)`` and ``HolidaySchedule/validate()`` throw these.
/// Every ``description`` says what was wrong (which year, which date, which list) and what to
/// change, so a command can print it as it is, after the name of the file:
///
/// ```
/// calendars/2027.json: the schedule for 2027 lists 2027-10-08 under "workdays", but 2027-10-08 is a Friday; …
/// ```
///
/// The loadable format is described in `calendars/README.md`.
///
/// ## Topics
///
/// ### The file as a whole
/// - ``notJSON(detail:)``
/// - ``malformed(path:detail:)``
/// - ``noSchedules``
/// - ``duplicateYear(_:)``
///
/// ### One schedule
/// - ``yearOutOfRange(_:)``
/// - ``missingSource(year:)``
/// - ``noHolidays(year:)``
///
/// ### One date
/// - ``invalidDate(_:year:list:)``
/// - ``dateOutsideYear(_:year:list:)``
/// - ``listedTwice(_:year:list:)``
/// - ``bothHolidayAndWorkday(_:year:)``
/// - ``workdayNotOnWeekend(_:year:)``
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The two lists of dates a schedule holds, named as their JSON fields.
    public enum DayList: String, Sendable, Equatable {
        /// Days off (放假), the `"holidays"` field.
        case holidays
        /// Make-up working days on a weekend (调休上班), the `"workdays"` field.
        case workdays
    }

    /// The data is not JSON at all (`detail` is the parser's complaint).
    case notJSON(detail: String)
    /// The data is JSON but not a schedule or an array of schedules: a field is missing, unknown or of the
    /// wrong type. `path` locates it (e.g. `[1].holidays[3]`), `detail` says what was expected.
    case malformed(path: String, detail: String)
    /// The data is an empty array: there is nothing to load.
    case noSchedules
    /// Two schedules in the same data are for the same year.
    case duplicateYear(Int)
    /// A schedule's year is outside ``HolidaySchedule/supportedYears``.
    case yearOutOfRange(Int)
    /// A schedule has an empty `"source"`: the notice it transcribes must be named.
    case missingSource(year: Int)
    /// A schedule lists no holiday at all; every State Council notice has some.
    case noHolidays(year: Int)
    /// A text in a list is not a valid date written `YYYY-MM-DD`.
    case invalidDate(String, year: Int, list: DayList)
    /// A date falls outside its schedule's year (and outside the December before it, which a New Year
    /// arrangement may reach into).
    case dateOutsideYear(CivilDate, year: Int, list: DayList)
    /// The same date appears twice in one list.
    case listedTwice(CivilDate, year: Int, list: DayList)
    /// The same date is listed both as a holiday and as a make-up working day.
    case bothHolidayAndWorkday(CivilDate, year: Int)
    /// A make-up working day falls on Monday–Friday, which is a working day anyway.
    case workdayNotOnWeekend(CivilDate, year: Int)

    /// What was wrong and what to do about it, in one paragraph.
    public var description: String {
        switch self {
        case .notJSON(let detail):
            return "the holiday schedule is not valid JSON (\(detail)); "
                + "write one schedule object or an array of them, as in calendars/2026.json"
        case .malformed(let path, let detail):
            let location = path.isEmpty ? "the holiday schedule" : "the holiday schedule at \(path)"
            return "\(location) is not in the expected form: \(detail); each schedule is an object "
                + "{\"year\": 2027, \"source\": \"国办发明电〔…〕…号\", \"holidays\": [\"2027-01-01\", …], \"workdays\": [\"…\"]}, "
                + "as in calendars/2026.json"
        case .noSchedules:
            return "the holiday schedule file holds an empty array; add at least one year's schedule, "
                + "as in calendars/2026.json"
        case .duplicateYear(let year):
            return "there are two schedules for \(year); keep one schedule per year "
                + "(merge their dates, or delete the outdated one)"
        case .yearOutOfRange(let year):
            return "the schedule's year \(year) is outside \(HolidaySchedule.supportedYears.lowerBound)"
                + "...\(HolidaySchedule.supportedYears.upperBound); check the \"year\" field"
        case .missingSource(let year):
            return "the schedule for \(year) has an empty \"source\"; give the number of the State Council "
                + "notice it transcribes, e.g. \"国办发明电〔2025〕7号\""
        case .noHolidays(let year):
            return "the schedule for \(year) lists no holidays; copy every day off (放假) of the State Council "
                + "notice into \"holidays\", including those that fall on a weekend"
        case .invalidDate(let text, let year, let list):
            return "the schedule for \(year) lists \"\(text)\" under \"\(list.rawValue)\", which is not a valid date "
                + "written YYYY-MM-DD; write it with a four-digit year and two-digit month and day, e.g. \"\(year)-10-01\""
        case .dateOutsideYear(let date, let year, let list):
            return "the schedule for \(year) lists \(date) under \"\(list.rawValue)\", outside \(year); "
                + "a schedule holds the dates of its own year (and the December before, for a New Year "
                + "arrangement); move the date to the schedule for \(date.year) or correct the year"
        case .listedTwice(let date, let year, let list):
            return "the schedule for \(year) lists \(date) twice under \"\(list.rawValue)\"; "
                + "remove the duplicate and check that no other date was meant"
        case .bothHolidayAndWorkday(let date, let year):
            return "the schedule for \(year) lists \(date) both under \"holidays\" and under \"workdays\"; "
                + "check the notice and keep it in one list only"
        case .workdayNotOnWeekend(let date, let year):
            return "the schedule for \(year) lists \(date) under \"workdays\", but \(date) is a "
                + "\(Self.weekdayName(date.weekday)), a working day anyway; \"workdays\" holds only the weekend "
                + "days the notice makes working days (调休上班); check the date against the notice"
        }
    }

    private static func weekdayName(_ weekday: Int) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][(weekday - 1) % 7]
    }
}
