import ArgumentParser
import Foundation
import GongdanCore

/// `gongdan calendar years`: which years have a holiday schedule, built in or loaded.
struct CalendarYearsCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "years", abstract: "List the years with a holiday schedule and whether each is built in or loaded.")

    @OptionGroup var global: GlobalOptions

    /// One year of `calendar years --json`; `origin` is `builtIn`, `loaded` (here) or `hub` (set at the hub, which wins).
    struct YearView: Encodable {
        var year: Int
        var origin: String
        var source: String
    }

    func run() throws {
        let context = try global.context()
        let store = FileManager.default.fileExists(atPath: context.dbPath) ? try context.openService().store : nil
        let loadedYears = Set(try store?.loadedSchedules().map(\.year) ?? [])
        let hubYears = Set(try store?.hubPolicy().years.map(\.year) ?? [])
        let calendar = try store?.calendar() ?? .official
        let years = calendar.schedules.sorted { $0.year < $1.year }.map { schedule in
            YearView(year: schedule.year,
                     origin: hubYears.contains(schedule.year) ? "hub" : loadedYears.contains(schedule.year) ? "loaded" : "builtIn",
                     source: schedule.source)
        }
        if context.json {
            try Console.json(years)
            return
        }
        let l = context.language
        var table = TextTable(headers: l == .zh ? ["年份", "来源", "文号"] : ["year", "origin", "notice"])
        table.rows = years.map { year in
            [String(year.year), year.origin == "hub" ? l.pick("中心下发", "from the hub")
                : year.origin == "loaded" ? l.pick("已加载", "loaded") : l.pick("内置", "built in"), year.source]
        }
        Console.out(table.render())
        let today = CivilDate.inChinaStandardTime(context.now)
        CalendarWarning.warn(calendar.yearsWithoutSchedule(from: today, through: today.adding(days: 60)), language: l)
    }
}
