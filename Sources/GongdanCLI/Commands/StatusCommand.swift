import ArgumentParser
import Foundation
import GongdanCore
import GongdanSync
import GongdanText

/// `gongdan status`: the node, its replica and its work at a glance.
struct StatusCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "查看本节点：副本、各状态工单数、上次同步、日历。Show this node, its replica, ticket counts and calendar coverage.",
        discussion: "例 Examples:\n  gongdan status")

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
        /// Years loaded at the hub for the district, as this node last received them (they win).
        var hubCalendarYears: [Int]
        /// Years loaded here that the hub loaded with other days (the hub's are used).
        var calendarDisagreements: [CalendarDisagreement]
        /// Years in the next 60 days without a schedule (deadlines there fall back to Monday–Friday).
        var calendarFallbackYears: [Int]
        var sync: SyncView
        /// The supervision notices received from the hub, newest first.
        var notices: [SyncedNotice]
        /// Set when the replica was rebuilt from the hub (`init --recover`): which events never reached it.
        var recovery: RecoveryView?
    }

    /// The recovery part of `status --json`.
    struct RecoveryView: Encodable {
        var report: RecoveryReport
        var lost: String
    }

    /// The sync part of `status --json`.
    struct SyncView: Encodable {
        var hubURL: String?
        var lastSuccess: Date?
        var lastAttempt: Date?
        var offlineSince: Date?
        var lastError: String?
        /// Own events the hub has not acknowledged.
        var unsent: Int64
        var hubHas: Int64
        var cursor: Int64
        /// `restored` or `recovered` while the replica must sync before it records events; absent otherwise.
        var resyncRequired: String?
    }

    func run() throws {
        let context = try global.context()
        let service = try context.openService()
        let status = try service.status()
        let loaded = try service.store.loadedSchedules().map(\.year)
        let hubYears = try service.store.hubPolicy().years.map(\.year)
        let disagreements = try service.calendarDisagreements()
        let stats = status.statistics
        let sync = try service.store.syncSettings()
        let notices = try service.store.notices()
        let resync = try service.store.resyncReason()
        let recovery = try service.store.recovery()
        let l = context.language
        let lost = recovery.map { RecoveryText(language: l).lost($0) }
        if context.json {
            try Console.json(View(
                node: NodeView(code: status.identity.code, name: status.identity.name, role: status.identity.role),
                db: context.dbPath, now: status.now, tickets: stats.tickets,
                ticketsByStatus: Dictionary(uniqueKeysWithValues: TicketStatus.allCases.map { ($0.rawValue, stats.ticketsByStatus[$0] ?? 0) }),
                overdue: stats.overdue, signOverdue: stats.signOverdue, events: stats.events, lastSeq: stats.lastSeq,
                calendarYears: status.calendarYears, loadedCalendarYears: loaded,
                hubCalendarYears: hubYears, calendarDisagreements: disagreements,
                calendarFallbackYears: status.calendarFallbackYears,
                sync: SyncView(hubURL: sync.hubURL, lastSuccess: sync.lastSuccess, lastAttempt: sync.lastAttempt,
                               offlineSince: sync.offlineSince, lastError: sync.lastError, unsent: sync.unsent,
                               hubHas: sync.hubHas, cursor: sync.cursor, resyncRequired: resync?.rawValue),
                notices: notices,
                recovery: recovery.map { RecoveryView(report: $0, lost: lost ?? "") }))
        } else {
            let labels = Labels(language: l)
            let years = status.calendarYears.map { year in
                hubYears.contains(year) ? l.pick("\(year)（中心下发）", "\(year) (from the hub)")
                    : loaded.contains(year) ? l.pick("\(year)（已加载）", "\(year) (loaded)") : "\(year)"
            }
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
                l.pick("中心：", "Hub: ") + (sync.hubURL ?? l.pick("（未设置，gongdan remote set）", "(not set: gongdan remote set)")),
                l.pick("上次成功同步：", "Last successful sync: ") + (sync.lastSuccess.map(TimeText.instant) ?? l.pick("从未", "never")),
                l.pick("未发送事件：\(sync.unsent)", "Unsent events: \(sync.unsent)"),
            ]
            if let since = sync.offlineSince {
                lines.append(l.pick("离线自：", "Offline since: ") + TimeText.instant(since))
            }
            if let error = sync.lastError {
                lines.append(l.pick("上次错误：", "Last error: ") + error)
            }
            if resync != nil {
                lines.append(l.pick("须先同步：副本由备份恢复或从中心重建，运行 gongdan sync 后才能记录新事件",
                                    "Sync required: the replica was restored or rebuilt; run `gongdan sync` before recording new events"))
            }
            if let recovery, let lost {
                lines.append(l.pick("从中心重建于 \(TimeText.instant(recovery.recoveredAt))；未到达中心的事件：",
                                    "Rebuilt from the hub at \(TimeText.instant(recovery.recoveredAt)); events that never reached the hub: ") + lost)
            }
            if !notices.isEmpty {
                lines.append(l.pick("督办通知：\(notices.count) 件", "Supervision notices: \(notices.count)"))
                for notice in notices {
                    lines.append("  \(notice.number) \(notice.level.documentTitle) → \(notice.unitName ?? notice.unit)"
                        + l.pick("，限 \(notice.finishBy) 前办结：", ", finish by \(notice.finishBy): ") + notice.findings)
                }
            }
            Console.out(lines.joined(separator: "\n"))
        }
        CalendarWarning.warn(status.calendarFallbackYears, language: l)
        CalendarWarning.disagreements(disagreements, language: l)
    }
}
