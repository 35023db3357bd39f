import ArgumentParser
import GongdanCore

/// `gongdan calendar workdays`: how many working days lie in a range.
struct CalendarWorkdaysCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "workdays", abstract: "Count the working days from FROM through TO, both included.")

    @Argument(help: ArgumentHelp("The first date, YYYY-MM-DD.", valueName: "from")) var from: String
    @Argument(help: ArgumentHelp("The last date, YYYY-MM-DD.", valueName: "to")) var to: String
    @OptionGroup var global: GlobalOptions

    /// `calendar workdays --json`.
    struct View: Encodable {
        var from: CivilDate
        var to: CivilDate
        var workingDays: Int
        var fallbackYears: [Int]
    }

    func run() throws {
        let context = try global.context()
        guard let first = TimeInput.date(from) else { throw CLIError.invalidDate(argument: "FROM", text: from) }
        guard let last = TimeInput.date(to) else { throw CLIError.invalidDate(argument: "TO", text: to) }
        let calendar = try context.calendar()
        let count = calendar.workingDays(from: first, through: last)
        let fallback = calendar.yearsWithoutSchedule(from: first, through: last)
        if context.json {
            try Console.json(View(from: first, to: last, workingDays: count, fallbackYears: fallback))
        } else {
            Console.out(context.language.pick("\(count)（\(first) 至 \(last) 的工作日数，含首尾）",
                                              "\(count) (working days from \(first) through \(last), both included)"))
        }
        CalendarWarning.warn(fallback, language: context.language)
    }
}
