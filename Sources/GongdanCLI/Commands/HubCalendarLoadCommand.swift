import ArgumentParser
import Foundation
import GongdanCore
import GongdanStore
import GongdanSync

/// `gongdan hub calendar load`: loads a year's holiday schedule for the whole district.
struct HubCalendarLoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load holiday schedules (format: calendars/README.md) for the district; every node gets them at its next sync.",
        discussion: """
            A year loaded at the hub replaces the built-in schedule and any schedule a node loaded itself for that year. \
            Deadlines falling in the year are recomputed at once here, and on each node when it syncs (docs/policy.md).
            """)

    @Argument(help: ArgumentHelp("The schedule file, e.g. calendars/2027.json.", valueName: "file")) var file: String
    @OptionGroup var options: HubOptions

    /// `hub calendar load --json`.
    struct Output: Encodable {
        var years: [HubStore.LoadedYear]
        var ticketsRefolded: Int
        var policyDigest: String
    }

    func run() throws {
        let context = try options.context()
        let data = try ConfigFile.read(file)
        let schedules: [HolidaySchedule]
        do {
            schedules = try WorkingDayCalendar.decodeSchedules(from: data)
        } catch let error as CalendarError {
            throw CLIError.scheduleFile(path: file, error: error)
        }
        let store = try context.openStore()
        _ = try store.requireInfo()
        let refolded = try store.loadCalendar(schedules, by: context.person, now: context.now)
        let loaded = Set(schedules.map(\.year))
        let years = try store.loadedYears().filter { loaded.contains($0.year) }
        if context.json {
            try Console.json(Output(years: years, ticketsRefolded: refolded, policyDigest: try store.syncedPolicy().digest))
            return
        }
        let l = context.language
        for schedule in schedules {
            Console.out(l.pick(
                "已为全区加载 \(schedule.year) 年节假日安排（\(schedule.source)）：放假 \(schedule.holidays.count) 天，调休上班 \(schedule.workdays.count) 天",
                "Loaded the \(schedule.year) holiday schedule for the district (\(schedule.source)): \(schedule.holidays.count) days off, \(schedule.workdays.count) make-up working days"))
        }
        Console.out(l.pick("已重新计算 \(refolded) 件工单的期限；各节点在下次同步时收到",
                           "Deadlines of \(refolded) ticket(s) recomputed; every node gets the schedule at its next sync"))
    }
}
