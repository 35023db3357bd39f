import ArgumentParser
import GongdanCore
import GongdanStore
import GongdanText

/// `gongdan ticket list`: the work list — open tickets, most urgent first (`--all` or `--status` for the rest).
struct TicketListCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "列出未办结的工单，最紧急的在前（--all 含已办结）。List open tickets, most urgent first (--all: closed and merged ones too).",
        discussion: "例 Examples:\n  gongdan ticket list\n  gongdan ticket list --status 待签收\n  gongdan ticket list --overdue\n  gongdan ticket list --due-within 2")

    @Option(help: "Only tickets in this status (any status, closed ones included).")
    var status: TicketStatus?

    @Flag(help: "Closed and merged tickets too (by default only open ones are listed).")
    var all = false

    @Flag(help: "Only open tickets past their handling deadline.")
    var overdue = false

    @Option(help: ArgumentHelp("Only open tickets due within N working days (not yet overdue).", valueName: "n"))
    var dueWithin: Int?

    @Option(help: ArgumentHelp("Only tickets this unit leads or co-handles.", valueName: "code"))
    var unit: String?

    @Option(help: "At most this many tickets (0 = all).")
    var limit = 100

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard limit >= 0 else { throw ValidationError(global.language.pick("--limit 须为 0（全部）或更大的数", "--limit must be 0 (all) or more")) }
        if let dueWithin, dueWithin < 0 { throw ValidationError(global.language.pick("--due-within 须为 0 或更多个工作日", "--due-within must be 0 or more working days")) }
    }

    func run() throws {
        let context = try global.context()
        let service = try context.openService()
        let now = context.now
        var filter = TicketFilter(status: status, overdueAt: overdue ? now : nil,
                                  unit: unit.map(TicketCode.normalized), limit: limit == 0 ? nil : limit,
                                  openOnly: !all && status == nil)
        if let dueWithin { filter.dueBetween = now...(try service.horizon(workingDays: dueWithin)) }
        let page = try service.list(filter)
        let units = try service.unitNames()
        let items = page.tickets.map { TicketListItem($0, units: units, now: now) }
        if context.json {
            try Console.json(TicketListView(total: page.total, tickets: items))
            return
        }
        let l = context.language
        let labels = Labels(language: l)
        if items.isEmpty {
            Console.out(l.pick("没有符合条件的工单。", "No tickets match."))
        } else {
            var table = TextTable(headers: l == .zh ? ["编号", "状态", "类别", "经营主体", "诉求", "牵头单位", "签收时限", "办结期限", ""]
                                                    : ["code", "status", "category", "entity", "summary", "lead", "sign by", "deadline", ""])
            table.rows = items.map { item in
                [item.code, labels.status(item.status), labels.category(item.category),
                 TextTable.truncate(item.entityName.isEmpty ? l.pick("（举报人已隐去）", "(reporter withheld)") : item.entityName, to: 24),
                 TextTable.truncate(item.summary, to: 20), item.leadName ?? item.lead ?? "—",
                 item.status == .pendingSign ? (item.signBy.map(TimeText.deadline) ?? "—") : "—",
                 item.deadline.map(TimeText.deadline) ?? "—",
                 item.overdue ? l.pick("⚠ 超期", "⚠ OVERDUE") : (item.signOverdue ? l.pick("⚠ 超期未签收", "⚠ unsigned") : "")]
            }
            Console.out(table.render())
        }
        var footer = l.pick("共 \(page.total) 条\(filter.openOnly ? "未办结" : "")，显示 \(items.count) 条",
                            "\(page.total)\(filter.openOnly ? " open" : "") in all, \(items.count) shown")
        if items.count < page.total { footer += l.pick("（--limit 0 显示全部）", " (--limit 0 shows all)") }
        if filter.openOnly { footer += l.pick("（--all 含已办结）", " (--all includes closed ones)") }
        Console.out(footer)
    }
}
