import ArgumentParser
import Foundation
import GongdanCore
import GongdanStore
import GongdanText

/// `gongdan hub calendar list`: the years with a holiday schedule at the hub, built in or loaded.
struct HubCalendarListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the years with a holiday schedule at the hub: built in, or loaded for the district.")

    @OptionGroup var options: HubOptions

    /// One year of `hub calendar list --json`; `origin` is `builtIn` or `hub` (loaded at the hub).
    struct YearView: Encodable {
        var year: Int
        var origin: String
        var source: String
        var loadedAt: Date?
        var loadedBy: String?
    }

    func run() throws {
        let context = try options.context()
        let store = try context.openStore()
        let loaded = Dictionary(try store.loadedYears().map { ($0.year, $0) }) { first, _ in first }
        let calendar = try store.districtPolicy().calendar
        let years = calendar.schedules.map { schedule in
            let hub = loaded[schedule.year]
            return YearView(year: schedule.year, origin: hub == nil ? "builtIn" : "hub", source: schedule.source,
                            loadedAt: hub?.loadedAt, loadedBy: hub?.loadedBy)
        }
        if context.json {
            try Console.json(years)
            return
        }
        let l = context.language
        var table = TextTable(headers: l == .zh ? ["年份", "来源", "文号", "加载时间", "加载人"] : ["year", "origin", "notice", "loaded", "by"])
        table.rows = years.map { year in
            [String(year.year), year.origin == "hub" ? l.pick("中心加载", "loaded at the hub") : l.pick("内置", "built in"), year.source,
             year.loadedAt.map(TimeText.instant) ?? "", year.loadedBy ?? ""]
        }
        Console.out(table.render())
        let today = CivilDate.inChinaStandardTime(context.now)
        let missing = calendar.yearsWithoutSchedule(from: today, through: today.adding(days: 60))
        if !missing.isEmpty {
            Console.error(l.pick(
                "警告：\(missing.map(String.init).joined(separator: ", ")) 年没有节假日安排，按周一至周五计算工作日！请用 gongdan hub calendar load FILE 为全区加载。",
                "WARNING: no holiday schedule for \(missing.map(String.init).joined(separator: ", ")): working days fall back to Monday–Friday! Load it for the district with `gongdan hub calendar load FILE`."))
        }
    }
}
