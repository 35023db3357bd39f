import ArgumentParser
import GongdanCore
import GongdanStore
import GongdanText

/// `gongdan hub conflicts [list]`: the open conflicts (or all), both sides of each.
struct HubConflictsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the open conflicts (--all: resolved ones too), with the events on both sides.")

    @Flag(help: "Include confirmed and overridden conflicts.")
    var all = false

    @OptionGroup var options: HubOptions

    func run() throws {
        let context = try options.context()
        let store = try context.openStore()
        let conflicts = try store.conflicts(status: all ? nil : .open)
        if context.json {
            try Console.json(conflicts)
            return
        }
        let l = context.language
        guard !conflicts.isEmpty else {
            Console.out(l.pick(all ? "冲突队列为空" : "没有待处理的冲突", all ? "The conflict queue is empty" : "No open conflicts"))
            return
        }
        let names = try store.units().namesByCode
        let events = EventText(language: l, units: names)
        for conflict in conflicts {
            Console.out("#\(conflict.id)  \(conflict.ticket)  \(Self.kind(conflict.kind, l))  [\(Self.status(conflict.status, l))]")
            Console.out("  " + conflict.summary)
            var table = TextTable(headers: l == .zh ? ["事件", "时间", "类型", "操作人", "内容"] : ["event", "time", "type", "by", "what"])
            table.rows = conflict.events.map { [$0.id.description] + events.row($0) }
            Console.out(table.render().split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            Console.out(l.pick("  自动决定：", "  decision: ") + conflict.decision)
            if let resolution = conflict.resolution { Console.out(l.pick("  处理：", "  resolution: ") + resolution) }
            if conflict.status == .open {
                Console.out(l.pick("  处理：", "  resolve: ") + "gongdan hub conflicts resolve \(conflict.id) --confirm | --override" + Self.overrideHint(conflict.kind))
            }
            Console.out("")
        }
    }

    static func kind(_ kind: ConflictKind, _ l: Language) -> String {
        switch kind {
        case .assignment: l.pick("分派冲突", "assignment")
        case .handedOverReply: l.pick("移交回复", "handed-over reply")
        case .concurrentCorrection: l.pick("并发更正", "concurrent correction")
        case .duplicateIntake: l.pick("疑似重复受理", "likely duplicate intake")
        case .concurrentEvaluation: l.pick("评价冲突", "concurrent evaluation")
        }
    }

    static func status(_ status: HubStore.Conflict.Status, _ l: Language) -> String {
        switch status {
        case .open: l.pick("待处理", "open")
        case .confirmed: l.pick("已确认", "confirmed")
        case .overridden: l.pick("已改判", "overridden")
        }
    }

    static func overrideHint(_ kind: ConflictKind) -> String {
        switch kind {
        case .assignment, .handedOverReply: " --lead UNIT"
        case .concurrentCorrection: " --value TEXT"
        case .duplicateIntake, .concurrentEvaluation: ""
        }
    }
}
