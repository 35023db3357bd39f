import Foundation
import GongdanCore
import GongdanText

/// The loud warning for deadlines that reach into years without a holiday schedule.
enum CalendarWarning {
    /// Prints the warning to standard error when a year from `now` through `until` lacks a schedule.
    static func check(_ calendar: WorkingDayCalendar, from now: Date, through until: Date?, language: Language) {
        guard let until else { return }
        warn(calendar.yearsWithoutSchedule(from: CivilDate.inChinaStandardTime(now), through: TimeText.deadlineDate(until)),
             language: language)
    }

    /// Prints the warning naming `years`, if any.
    static func warn(_ years: [Int], language: Language) {
        guard !years.isEmpty else { return }
        let list = years.map(String.init).joined(separator: ", ")
        Console.error(language.pick(
            "警告：\(list) 年没有节假日安排，这些年份按周一至周五计算工作日，期限可能不准确！请用 gongdan calendar load FILE 加载该年的国务院节假日安排（格式见 calendars/README.md）。",
            "WARNING: no holiday schedule for \(list): working days in those years fall back to Monday–Friday, so deadlines may be wrong! Load the year's State Council schedule with `gongdan calendar load FILE` (format: calendars/README.md)."))
    }

    /// Prints, for each year loaded on this node that the hub loaded with other days, that the hub's
    /// schedule is used and which dates differ (to standard error, or with `toOutput` to standard output).
    static func disagreements(_ disagreements: [CalendarDisagreement], language: Language, toOutput: Bool = false) {
        let emit: (String) -> Void = toOutput ? { Console.out($0) } : { Console.error($0) }
        for item in disagreements {
            let dates = item.dates.prefix(6).map(\.description).joined(separator: ", ") + (item.dates.count > 6 ? " …" : "")
            emit(language.pick(
                "注意：本节点加载的 \(item.year) 年节假日安排（\(item.localSource)）与中心的（\(item.hubSource)）不一致，以中心为准；相差的日期：\(dates)。请核对后联系中心管理员。",
                "NOTE: the \(item.year) holiday schedule loaded on this node (\(item.localSource)) differs from the hub's (\(item.hubSource)); the hub's is used. Dates that differ: \(dates). Check which file is right and tell the hub operator."))
        }
    }
}
