import Foundation
import GongdanCore
import GongdanNode
import GongdanText

/// `ticket show` as text: the state, the next commands, and the timeline.
struct TicketDetailText: Sendable {
    let language: Language
    let now: Date
    /// The role of this node, which decides the next commands shown.
    let role: Role

    func render(_ detail: TicketDetail) -> String {
        let l = language
        let state = detail.state
        let units = detail.units
        let lines = TicketSheet(language: l, now: now).facts(detail)
        let colon = l.pick("：", ": ")
        let width = lines.map { TextTable.width($0.label + colon) }.max() ?? 0
        // Only the workstation has the query code (derived, protocol 1.4); a unit's screen shows none.
        var text = [TicketSheet(language: l, now: now).title(detail)]
        text += lines.map { label, value in
            label + colon + String(repeating: " ", count: width - TextTable.width(label + colon)) + value
        }
        let next = state.nextCommands(for: role)
        text.append("")
        text.append(l.pick("下一步：", "Next:"))
        text += next.isEmpty ? [l.pick("  （无）", "  (none)")] : next.map { "  " + $0 }
        text.append("")
        text.append(l.pick("时间线：", "Timeline:"))
        let events = EventText(language: l, units: units)
        var table = TextTable(headers: l == .zh ? ["时间", "事件", "操作人", "说明"] : ["time", "event", "by", "detail"])
        let superseded = Set(state.supersededEvents)
        table.rows = detail.events.map { event in
            var row = events.row(event)
            if superseded.contains(event.id) {
                row[3] += l.pick("（并发冲突，未生效）", " (concurrent, superseded)")
            }
            return row
        }
        text += table.render().split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        return text.joined(separator: "\n")
    }

}
