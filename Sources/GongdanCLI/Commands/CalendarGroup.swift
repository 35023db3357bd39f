import ArgumentParser

/// `gongdan calendar`: working days, deadlines and holiday schedules.
struct CalendarGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Working days, deadlines and holiday schedules.",
        subcommands: [CalendarDeadlineCommand.self, CalendarWorkdaysCommand.self, CalendarLoadCommand.self, CalendarYearsCommand.self])
}
