import ArgumentParser
import Foundation
import GongdanCore
import GongdanNode
import GongdanStore
import GongdanSync
import GongdanText

/// `gongdan sync`: push this node's unsent events to the hub and pull what is new in its scope;
/// with `--every`, keep doing so on a schedule with backoff and jitter while the hub is unreachable.
struct SyncCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "与区中心同步：发送未发送的事件，取回新的（连不上中心时退出码为 3）。Sync with the district hub: push unsent events, pull what is new (page by page until done).",
        discussion: """
            例 Examples:
              gongdan sync
              gongdan sync --every 30m

            With --every 30m the command keeps running: after a success it waits the interval; while the hub \
            is unreachable it retries after 30 s, 1 min, 2 min … up to the interval, each ±20 % at random. \
            Run it from a systemd service or use a timer/cron job with a plain `gongdan sync` (see README).
            """)

    @Option(help: ArgumentHelp("Keep syncing at this interval (e.g. 30m, 2h, 90s).", valueName: "interval"))
    var every: String?

    @OptionGroup var global: GlobalOptions

    /// `sync --json`.
    struct View: Encodable {
        var ok: Bool
        var pushed: Int
        var duplicates: Int
        var pulled: Int
        var pages: Int
        var hubHas: Int64
        var cursor: Int64
        var unsent: Int64
        var clockOffsetSeconds: Int
        var conflicts: [ConflictNotice]
        /// This node's own events fetched back from the hub (after a restore or a recovery).
        var ownEventsRecovered: Int64
        /// Whether the pull started again from cursor 0 because the hub was restored.
        var feedRestarted: Bool
        /// When this node's credential expires; absent when it never does.
        var credentialExpiresAt: Date?
        /// Whether this sync took a new district policy from the hub (1.4).
        var policyUpdated: Bool
        /// Tickets whose deadlines were recomputed with it.
        var ticketsRefolded: Int
        /// Years loaded on this node that the hub loaded with other days (the hub's are used).
        var calendarDisagreements: [CalendarDisagreement]
        /// The fingerprint of the hub's signing key when this sync pinned it (the node's first contact).
        var hubKeyPinned: String?
        /// The tickets the pull brought news of: `{code, before?, after}` (before absent: new here).
        var changes: [TicketChange]
    }

    func validate() throws {
        if let every, SyncSchedule.parseDuration(every) == nil {
            throw ValidationError(global.language.pick("--every '\(every)' 不是时间间隔：请写成 30m、2h 或 90s 这样", "--every '\(every)' is not an interval: use e.g. 30m, 2h or 90s"))
        }
    }

    func run() throws {
        let context = try global.context()
        let service = try context.openService()
        guard let interval = every.flatMap(SyncSchedule.parseDuration) else {
            try once(context, service)
            return
        }
        var random = SystemRandomNumberGenerator()
        let schedule = SyncSchedule(interval: interval)
        var failures = 0
        while true {
            do {
                try once(context, service)
                failures = 0
            } catch {
                failures += 1
                _ = ErrorReporter.report(error, language: context.language)
            }
            let delay = schedule.delay(afterFailures: failures, using: &random)
            Console.error(context.language.pick("下次同步：\(Int(delay)) 秒后", "next sync in \(Int(delay)) s"))
            Thread.sleep(forTimeInterval: delay)
        }
    }

    func once(_ context: CommandContext, _ service: NodeService) throws {
        let store = service.store
        let words = CommandErrorText(language: context.language)
        var session = try service.syncSession(software: GongdanVersion.current) { words.message(for: $0) ?? "\($0)" }
        let bar = TerminalProgress(language: context.language, json: context.json)
        session.progress = bar.reporter
        let report = try AsyncBridge.run { [session] in try await session.run() }
        bar.finish()
        let unsent = try store.syncSettings().unsent
        let l = context.language
        if context.json {
            try Console.json(View(ok: true, pushed: report.pushed, duplicates: report.duplicates, pulled: report.pulled,
                                  pages: report.pages, hubHas: report.hubHas, cursor: report.cursor, unsent: unsent,
                                  clockOffsetSeconds: Int(report.clockOffset), conflicts: report.conflicts,
                                  ownEventsRecovered: report.ownEventsRecovered, feedRestarted: report.feedRestarted,
                                  credentialExpiresAt: report.credentialExpiresAt, policyUpdated: report.policyUpdated,
                                  ticketsRefolded: report.ticketsRefolded, calendarDisagreements: report.calendarDisagreements,
                                  hubKeyPinned: report.hubKeyPinned, changes: report.changes))
        } else {
            if let fingerprint = report.hubKeyPinned {
                Console.out(l.pick("已记下中心的签名密钥（指纹 \(fingerprint)）：此后本节点只接受由它签名的答复",
                                   "Pinned the hub's signing key (fingerprint \(fingerprint)): from now on this node accepts only answers it signed"))
            }
            if report.feedRestarted {
                Console.out(l.pick("中心已由备份恢复：本节点从头重新拉取（已有的事件不会重复）",
                                   "The hub was restored from a backup: this node pulled its feed again from the start (events held already are skipped)"))
            }
            if report.ownEventsRecovered > 0 {
                Console.out(l.pick("已从中心取回本节点的 \(report.ownEventsRecovered) 条事件，现可继续记录（下一序号 #\(report.hubHas + 1)）",
                                   "Fetched back \(report.ownEventsRecovered) of this node's own events from the hub; recording can go on (next seq #\(report.hubHas + 1))"))
            }
            Console.out(l.pick(
                "已同步：推送 \(report.pushed) 条（重复 \(report.duplicates)），拉取 \(report.pulled) 条（\(report.pages) 页），未发送 \(unsent) 条",
                "Synced: pushed \(report.pushed) (\(report.duplicates) already there), pulled \(report.pulled) in \(report.pages) page(s), \(unsent) unsent"))
            if report.policyUpdated {
                Console.out(l.pick("已采用中心下发的区级规则（节假日安排、时限）：重新计算了 \(report.ticketsRefolded) 件工单的期限",
                                   "Took the district policy from the hub (holiday schedules, limits): deadlines of \(report.ticketsRefolded) ticket(s) recomputed"))
            }
            for line in Self.changeLines(report.changes, language: l) { Console.out(line) }
            CalendarWarning.disagreements(report.calendarDisagreements, language: l, toOutput: true)
            for conflict in report.conflicts {
                Console.out(l.pick("冲突 #\(conflict.id) \(conflict.ticket)：\(conflict.summary)",
                                   "conflict #\(conflict.id) \(conflict.ticket): \(conflict.summary)"))
            }
        }
        if let expiry = report.credentialExpiresAt, expiry.timeIntervalSince(service.now()) < 14 * 86_400 {
            Console.error(l.pick(
                "警告：本节点的令牌将于 \(TimeText.instant(expiry)) 到期；请中心管理员运行 gongdan hub node rekey 换发，再用 gongdan remote set 设置",
                "warning: this node's credential expires at \(TimeText.instant(expiry)); ask the hub operator for a new one (`gongdan hub node rekey`), then set it with `gongdan remote set`"))
        }
        // A clock fixed by GONGDAN_NOW (demos, tests) is off on purpose.
        if context.fixedNow == nil, abs(report.clockOffset) > 300 {
            Console.error(l.pick(
                "警告：本机时钟与中心相差 \(Int(report.clockOffset / 60)) 分钟，请校准时钟（timedatectl）",
                "warning: this machine's clock is \(Int(report.clockOffset / 60)) minutes off the hub's; correct it (timedatectl)"))
        }
    }

    /// At most ten lines saying which tickets the pull brought news of and how, then how many more.
    static func changeLines(_ changes: [TicketChange], language l: Language, shown: Int = 10) -> [String] {
        guard !changes.isEmpty else { return [] }
        let labels = Labels(language: l)
        var lines = [l.pick("有变化的工单 \(changes.count) 件：", "\(changes.count) ticket(s) changed:")]
        for change in changes.prefix(shown) {
            let after = labels.status(change.after)
            let how = switch change.before {
            case nil: l.pick("新到（\(after)）", "new here (\(after))")
            case let before? where before != change.after: "\(labels.status(before)) → \(after)"
            default: l.pick("有新记录（\(after)）", "new entries (\(after))")
            }
            lines.append("  \(change.code)  \(how)")
        }
        if changes.count > shown {
            lines.append(l.pick("  …另有 \(changes.count - shown) 件（gongdan ticket list 查看）", "  … and \(changes.count - shown) more (gongdan ticket list)"))
        }
        return lines
    }
}
