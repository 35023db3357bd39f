import ArgumentParser
import Foundation
import GongdanCore

/// `gongdan calendar load`: loads a year's holiday schedule into the replica.
struct CalendarLoadCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load holiday schedules from a JSON file (format: calendars/README.md); a loaded year replaces a built-in one.")

    @Argument(help: ArgumentHelp("The schedule file, e.g. calendars/2027.json.", valueName: "file")) var file: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let data = try ConfigFile.read(file)
        let schedules: [HolidaySchedule]
        let service = try context.createService()
        do {
            schedules = try service.loadCalendar(data)
        } catch let error as CalendarError {
            throw CLIError.scheduleFile(path: file, error: error)
        }
        let loaded = Set(schedules.map(\.year))
        CalendarWarning.disagreements(try service.calendarDisagreements().filter { loaded.contains($0.year) }, language: context.language)
        if context.json {
            try Console.json(schedules.map { CalendarYearsCommand.YearView(year: $0.year, origin: "loaded", source: $0.source) })
        } else {
            for schedule in schedules {
                Console.out(context.language.pick(
                    "已加载 \(schedule.year) 年节假日安排（\(schedule.source)）：放假 \(schedule.holidays.count) 天，调休上班 \(schedule.workdays.count) 天",
                    "Loaded the \(schedule.year) holiday schedule (\(schedule.source)): \(schedule.holidays.count) days off, \(schedule.workdays.count) make-up working days"))
            }
        }
    }
}
