import Foundation
import GongdanCore
import GongdanNode
import GongdanText
import GongdanWeb

/// A ticket: its state and deadlines, a form for every action this node may take now (from the rule
/// table), and the timeline in plain words.
struct TicketPage: Sendable {
    let language: Language
    let detail: TicketDetail
    let now: Date
    let calendar: WorkingDayCalendar
    /// The actions this clerk may take now, in the order the forms are shown.
    let actions: [TicketAction]
    /// The directory, for the unit pickers.
    let directory: [HandlingUnit]
    let csrf: String
    let maxExtensionDays: Int
    /// The form just refused, with what the clerk had filled in (shown again).
    var refused: (action: TicketAction, form: FormFields)? = nil
    /// Whether a long timeline is shown whole (`?all=1`) rather than its start and its latest entries.
    var wholeTimeline = false

    /// A timeline longer than this shows its first ``timelineHead`` and last ``timelineTail`` entries.
    static let timelineLimit = 150
    static let timelineHead = 20
    static let timelineTail = 100

    private var l: Language { language }

    var title: String { TicketSheet(language: l, now: now).title(detail) }

    var content: String {
        let e = DeskHTML.e
        let state = detail.state
        let code = state.code
        var html = "<section><h2>\(e(title))<span><a href=\"/tickets/\(e(code))/print\">\(l.pick("打印工单", "Print"))</a></span></h2>"
        html += "<p><b>\(e(state.intake.summary))</b></p>"
        if let clock = runningClock {
            html += "<p>\(e(clock.label))：\(e(TimeText.deadline(clock.deadline))) \(DeskHTML.countdown(DeadlineCountdown(deadline: clock.deadline, now: now, calendar: calendar), language: l))</p>"
        }
        html += "<dl class=\"facts\">" + TicketSheet(language: l, now: now).facts(detail).map { "<dt>\(e($0.label))</dt><dd>\(e($0.value))</dd>" }.joined() + "</dl></section>"
        html += actionsSection(code)
        html += timeline()
        return html
    }

    /// The limit running now: signing while unsigned, handling while a reply is owed.
    private var runningClock: (label: String, deadline: Date)? {
        let state = detail.state
        switch state.status {
        case .pendingSign: return state.signBy.map { (l.pick("签收期限", "Sign by"), $0) }
        case .handling: return state.deadline.map { (l.pick("办结期限", "Deadline"), $0) }
        case .pendingDispatch: return state.intake.intakeDeadline.map { (l.pick("受理时限", "Intake limit"), $0) }
        default: return nil
        }
    }

    private func actionsSection(_ code: String) -> String {
        let e = DeskHTML.e
        var html = "<section aria-labelledby=\"act\"><h2 id=\"act\">\(l.pick("办理", "Actions"))</h2>"
        guard !actions.isEmpty else {
            let text = detail.state.status.isFinal
                ? l.pick("工单已办结，不能再办理。", "The ticket is finished; nothing more can be done.")
                : l.pick("本节点现在不能办理此工单：它在等待其他单位或工作站的下一步。同步后再看。", "Nothing for this node to do now: the ticket waits for another unit or the workstation. Sync and look again.")
            return html + "<p>\(e(text))</p></section>"
        }
        if detail.state.status.isFinal {
            html += "<p>\(e(l.pick("工单已办结；只能更正受理信息。", "The ticket is finished; only the intake can be corrected.")))</p>"
        }
        html += "<div class=\"actions\">"
        for action in actions {
            let form = ActionForm(action: action, language: l, maxExtensionDays: maxExtensionDays)
            let filled = refused?.action == action ? refused?.form : nil
            html += "<form method=\"post\" action=\"/tickets/\(e(code))/\(action.rawValue)\" aria-labelledby=\"f-\(action.rawValue)\">"
            html += "<h3 id=\"f-\(action.rawValue)\">\(e(form.title))</h3>" + DeskHTML.csrf(csrf)
            if let explanation = form.explanation { html += "<p class=\"muted\">\(e(explanation))</p>" }
            for field in form.fields {
                html += DeskHTML.field(field, idPrefix: action.rawValue, value: filled?.text(field.name), units: directory, language: l)
            }
            html += "<button type=\"submit\">\(e(form.submit))</button></form>"
        }
        return html + "</div></section>"
    }

    private func timeline() -> String {
        let e = DeskHTML.e
        let words = EventText(language: l, units: detail.units)
        let superseded = Set(detail.state.supersededEvents)
        var html = "<section aria-labelledby=\"tl\"><h2 id=\"tl\">\(l.pick("办理经过", "Timeline"))</h2><ol class=\"timeline\">"
        let events = detail.events
        let cut = !wholeTimeline && events.count > Self.timelineLimit
        for (index, event) in events.enumerated() {
            if cut, index >= Self.timelineHead, index < events.count - Self.timelineTail {
                if index == Self.timelineHead {
                    let hidden = events.count - Self.timelineHead - Self.timelineTail
                    html += "</ol><p class=\"muted\">\(l.pick("中间 \(hidden) 条记录未列出。", "\(hidden) entries in between are not listed.")) "
                        + "<a href=\"/tickets/\(e(detail.state.code))?all=1#tl\">\(l.pick("显示全部办理经过", "Show the whole timeline"))</a></p>"
                        + "<ol class=\"timeline\" start=\"\(events.count - Self.timelineTail + 1)\">"
                }
                continue
            }
            let row = words.row(event)
            var line = "<b>\(e(row[1]))</b> <span class=\"muted\">\(e(row[0])) · \(e(row[2]))</span>"
            if !row[3].isEmpty { line += "<br>\(e(row[3]))" }
            if superseded.contains(event.id) { line += " <span class=\"bad\">\(l.pick("（并发冲突，未生效）", "(concurrent, superseded)"))</span>" }
            html += "<li>\(line)</li>"
        }
        return html + "</ol></section>"
    }
}
