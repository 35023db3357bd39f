import ArgumentParser
import Foundation
import GongdanCore

/// `gongdan status`: the node, its replica and its work at a glance.
struct StatusCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show this node, its replica, ticket counts and calendar coverage.")

    @OptionGroup var global: GlobalOptions

    /// `status --json`.
    struct View: Encodable {
        var node: NodeView
        var db: String
        var now: Date
        var tickets: Int
        /// Every status with its count (zeros included).
        var ticketsByStatus: [String: Int]
        var overdue: Int
        var signOverdue: Int
        var events: Int
        var lastSeq: Int64
        var calendarYears: [Int]
        var loadedCalendarYears: [Int]
        /// Years in the next 60 days without a schedule (deadlines there fall back to Monday–Friday).
        var calendarFallbackYears: [Int]
    }

    func run() throws {
        let context = try global.context()
        let service = try context.openService()
        let status = try service.status()
        let loaded = try service.store.loadedSchedules().map(\.year)
        let stats = status.statistics
        let l = context.language
        if context.json {
            try Console.json(View(
                node: NodeView(code: status.identity.code, name: status.identity.name, role: status.identity.role),
                db: context.dbPath, now: status.now, tickets: stats.tickets,
                ticketsByStatus: Dictionary(uniqueKeysWithValues: TicketStatus.allCases.map { ($0.rawValue, stats.ticketsByStatus[$0] ?? 0) }),
                overdue: stats.overdue, signOverdue: stats.signOverdue, events: stats.events, lastSeq: stats.lastSeq,
                calendarYears: status.calendarYears, loadedCalendarYears: loaded,
                calendarFallbackYears: status.calendarFallbackYears))
        } else {
            let labels = Labels(language: l)
            let years = status.calendarYears.map { loaded.contains($0) ? l.pick("\($0)（已加载）", "\($0) (loaded)") : "\($0)" }
            var lines = [
                l.pick("节点：", "Node: ") + "\(status.identity.code) \(status.identity.name)" + l.pick("（\(labels.role(status.identity.role))）", " (\(labels.role(status.identity.role)))"),
                l.pick("副本：", "Replica: ") + context.dbPath,
                l.pick("当前时间：\(TimeText.instant(status.now))（北京时间）", "Now: \(TimeText.instant(status.now)) (China Standard Time)"),
                l.pick("工单：共 \(stats.tickets) 件", "Tickets: \(stats.tickets)"),
            ]
            for ticketStatus in TicketStatus.allCases {
                if let count = stats.ticketsByStatus[ticketStatus], count > 0 {
                    lines.append("  \(labels.status(ticketStatus))\(l.pick("：", ": "))\(count)")
                }
            }
            lines += [
                l.pick("超期未办结：\(stats.overdue)", "Overdue (past deadline, no reply): \(stats.overdue)"),
                l.pick("超期未签收：\(stats.signOverdue)", "Unsigned past the signing limit: \(stats.signOverdue)"),
                l.pick("事件：\(stats.events)，本节点最后序号 \(stats.lastSeq)", "Events: \(stats.events); this node's last seq \(stats.lastSeq)"),
                l.pick("节假日安排：", "Holiday schedules: ") + years.joined(separator: l.pick("、", ", ")),
            ]
            Console.out(lines.joined(separator: "\n"))
        }
        CalendarWarning.warn(status.calendarFallbackYears, language: l)
    }
}
