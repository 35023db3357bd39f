import ArgumentParser
import Foundation
import GongdanCore
import GongdanText

/// `gongdan calendar deadline`: the deadline N working days after a date.
struct CalendarDeadlineCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "The deadline N working days after DATE: 24:00 China Standard Time of the N-th working day after it.")

    @Argument(help: ArgumentHelp("The start: YYYY-MM-DD, or an ISO 8601 instant (its date in China Standard Time counts).", valueName: "date"))
    var date: String

    @Argument(help: ArgumentHelp("The number of working days.", valueName: "n"))
    var workingDays: Int

    @OptionGroup var global: GlobalOptions

    /// `calendar deadline --json`.
    struct View: Encodable {
        var from: CivilDate
        var workingDays: Int
        /// The last working day (the deadline ends at 24:00 CST of it).
        var date: CivilDate
        var deadline: Date
        var fallbackYears: [Int]
    }

    func run() throws {
        let context = try global.context()
        guard let start = TimeInput.date(date) else { throw CLIError.invalidDate(argument: "DATE", text: date) }
        let calendar = try context.calendar()
        let day = calendar.workingDay(workingDays, after: start)
        let deadline = day.endInChinaStandardTime
        let fallback = calendar.yearsWithoutSchedule(from: min(start, day), through: max(start, day))
        if context.json {
            try Console.json(View(from: start, workingDays: workingDays, date: day, deadline: deadline, fallbackYears: fallback))
        } else {
            Console.out(context.language.pick(
                "\(TimeText.deadline(deadline))（\(start) 后第 \(workingDays) 个工作日，北京时间）",
                "\(TimeText.deadline(deadline)) (the end of working day \(workingDays) after \(start), China Standard Time)"))
        }
        CalendarWarning.warn(fallback, language: context.language)
    }
}
