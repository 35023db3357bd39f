/// One year's official schedule: days off (放假, listed whether or not they fall on a weekend) and
/// make-up working days (调休上班, weekend days that are working days).
///
/// A schedule transcribes one State Council notice (国务院办公厅关于某年部分节假日安排的通知).
/// Any date it does not list follows the ordinary rule: Monday–Friday work, Saturday and Sunday off.
///
/// ```swift
/// let y2027 = HolidaySchedule(
///     year: 2027, source: "国办发明电〔2026〕…号",
///     holidays: [CivilDate("2027-01-01")!, …],
///     workdays: [CivilDate("2027-02-06")!, …]
/// )
/// try y2027.validate()
/// ```
///
/// Encoded, a schedule is the loadable JSON format of `calendars/` (dates as `"YYYY-MM-DD"` strings):
///
/// ```json
/// {"year": 2026, "source": "国办发明电〔2025〕7号", "holidays": ["2026-01-01", …], "workdays": ["2026-01-04", …]}
/// ```
///
/// Decoding with `JSONDecoder` does not validate; load operator files with
/// ``WorkingDayCalendar/decodeSchedules(from:)``, which does.
///
/// **Which year a date belongs to.** A date must fall in ``year``, or in December of the year before:
/// a New Year arrangement may reach back across 31 December (the 2023 notice's 元旦 began on
/// 2022-12-31; the 2012 notice made Saturday 2011-12-31 a working day). When two schedules disagree
/// about a date, the schedule of the date's own year decides.
///
/// ## Topics
///
/// ### The official data
/// - ``official``
/// - ``official2023``
/// - ``official2024``
/// - ``official2025``
/// - ``official2026``
///
/// ### Checking
/// - ``validate()``
/// - ``supportedYears``
public struct HolidaySchedule: Sendable, Codable, Hashable {
    /// The year of the notice, e.g. `2026` for the notice on 2026's holidays (issued late in 2025).
    public var year: Int
    /// The notice this schedule transcribes, e.g. `"国办发明电〔2025〕7号"`.
    public var source: String
    /// The days off (放假调休) the notice lists, including those that fall on a weekend.
    public var holidays: [CivilDate]
    /// The weekend days the notice makes working days (调休上班). Every one is a Saturday or Sunday.
    public var workdays: [CivilDate]

    /// The years a schedule may be for.
    public static let supportedYears: ClosedRange<Int> = 2000...2100

    /// Creates a schedule; call ``validate()`` to check it.
    ///
    /// - Parameters:
    ///   - year: The year of the notice.
    ///   - source: The notice's number, e.g. `"国办发明电〔2025〕7号"`.
    ///   - holidays: The days off, weekend ones included.
    ///   - workdays: The weekend days made working days.
    public init(year: Int, source: String, holidays: [CivilDate], workdays: [CivilDate]) {
        self.year = year
        self.source = source
        self.holidays = holidays
        self.workdays = workdays
    }

    /// Checks that this schedule can be trusted, throwing the first problem found.
    ///
    /// The rules: ``year`` is in ``supportedYears``; ``source`` is not blank; ``holidays`` is not empty;
    /// every date is in ``year`` or in the December before it; no date appears twice in a list or in both
    /// lists; every make-up working day is a Saturday or a Sunday.
    ///
    /// - Throws: ``CalendarError``, naming the year and the date at fault.
    public func validate() throws {
        guard Self.supportedYears.contains(year) else { throw CalendarError.yearOutOfRange(year) }
        guard !source.allSatisfy(\.isWhitespace) else { throw CalendarError.missingSource(year: year) }
        guard !holidays.isEmpty else { throw CalendarError.noHolidays(year: year) }

        for (list, dates) in [(CalendarError.DayList.holidays, holidays), (.workdays, workdays)] {
            var seen = Set<CivilDate>()
            for date in dates {
                guard belongsToYear(date) else { throw CalendarError.dateOutsideYear(date, year: year, list: list) }
                guard seen.insert(date).inserted else { throw CalendarError.listedTwice(date, year: year, list: list) }
            }
        }
        let holidaySet = Set(holidays)
        for date in workdays {
            if holidaySet.contains(date) { throw CalendarError.bothHolidayAndWorkday(date, year: year) }
            if !date.isWeekend { throw CalendarError.workdayNotOnWeekend(date, year: year) }
        }
    }

    /// Whether `date` may appear in this schedule: it is in ``year``, or in December of the year before.
    func belongsToYear(_ date: CivilDate) -> Bool {
        date.year == year || (date.year == year - 1 && date.month == 12)
    }
}
