import Foundation
import GongdanCore
import GongdanNode
import GongdanStore
import GongdanText

/// The first screen: the node's to-do lists, most urgent first, and the notices addressed to it.
struct TodoPage: Sendable {
    let language: Language
    let list: WorkList
    let units: [String: String]

    private var l: Language { language }

    /// The list's heading and what to do with its tickets.
    func heading(_ queue: WorkQueue) -> (title: String, what: String) {
        switch queue {
        case .toSign: (l.pick("待签收", "To sign"), l.pick("分派给本单位、尚未签收：请在签收期限内签收或退回。", "Dispatched here, unsigned: sign or return before the signing limit."))
        case .handling: (l.pick("办理中", "Handling"), l.pick("已签收、待回复：先联系经营主体，再提交回复；逾期的排在最前。", "Signed, reply owed: contact the entity, then reply; overdue first."))
        case .replyRejected: (l.pick("审核不通过", "Reply rejected"), l.pick("工作站认为办结不规范：请按审核意见重新办理并回复。", "The workstation rejected the reply: handle again and reply."))
        case .toDispatch: (l.pick("待分办", "To dispatch"), l.pick("新受理的工单：请分派给承办单位。", "New tickets: dispatch them to a unit."))
        case .returned: (l.pick("被退回", "Returned"), l.pick("承办单位退回的工单：看退回理由，重新分派。", "Returned by a unit: read why, dispatch again."))
        case .hotlineIntake: (l.pick("12345 待分办", "12345 to dispatch"), l.pick("12345 转来的事项须在受理时限内分派。", "12345 items must be dispatched within their intake limit."))
        case .toReview: (l.pick("待审核", "To review"), l.pick("承办单位已回复：审核是否办结规范。", "Replied: review whether it was handled to standard."))
        case .toEvaluate: (l.pick("待评价/回访", "To evaluate"), l.pick("回复已通过审核：回访经营主体，记录评价。", "Reply accepted: revisit the entity and record its evaluation."))
        case .extensionRequests: (l.pick("延期申请", "Extension requests"), l.pick("承办单位申请延期：批准或不批准。", "A unit asks for more time: approve or deny."))
        case .toEscalate: (l.pick("待提级", "To escalate"), l.pick("两次不满意：指定牵头单位提级办理，或关闭。", "Unsatisfied twice: escalate with a lead, or close."))
        }
    }

    var content: String {
        let e = DeskHTML.e
        var html = "<h2 class=\"page\">\(l.pick("待办事项", "To do")) <span class=\"muted\">\(e(TimeText.instant(list.now)))</span></h2>"
        let total = list.sections.reduce(0) { $0 + $1.page.total }
        if total == 0 && list.notices.isEmpty {
            html += "<section><p>\(l.pick("目前没有待办的工单。", "Nothing to do right now."))</p></section>"
        }
        for section in list.sections where section.page.total > 0 {
            html += table(section)
        }
        if !list.notices.isEmpty { html += notices() }
        return html
    }

    private func table(_ section: WorkList.Section) -> String {
        let e = DeskHTML.e
        let labels = Labels(language: l)
        let (title, what) = heading(section.queue)
        let limit = runningLimit(section.queue)
        let limitColumn = limit?.label ?? l.pick("受理时间", "Taken in")
        let headers = [l.pick("编号", "Code"), l.pick("诉求", "Summary"), l.pick("经营主体", "Entity"), l.pick("承办", "Unit"), limitColumn]
        var html = "<section aria-labelledby=\"q-\(section.queue.rawValue)\"><h2 id=\"q-\(section.queue.rawValue)\">\(e(title))<span>\(l.pick("共 \(section.page.total) 件", "\(section.page.total) ticket(s)"))</span></h2>"
        html += "<p class=\"muted\">\(e(what))</p><table class=\"list\"><thead><tr>" + headers.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
        for ticket in section.page.tickets {
            let when = limit.flatMap { $0.date(ticket) }
                .map { "\(e(TimeText.deadline($0)))<br>\(DeskHTML.countdown(list.countdown(to: $0), language: l))" }
                ?? e(TimeText.instant(ticket.createdAt))
            var unit = ticket.lead.map { labels.unit($0, units) } ?? "—"
            if let days = ticket.pendingExtensionDays { unit += l.pick("（申请延期 \(days) 个工作日）", " (asks \(days) more working days)") }
            html += "<tr><td data-label=\"\(e(headers[0]))\">\(DeskHTML.ticketLink(ticket.code))</td><td data-label=\"\(e(headers[1]))\">\(e(ticket.summary))</td>"
                + "<td data-label=\"\(e(headers[2]))\">\(e(ticket.entityName.isEmpty ? l.pick("（已隐去）", "(withheld)") : ticket.entityName))</td>"
                + "<td data-label=\"\(e(headers[3]))\">\(e(unit))</td><td data-label=\"\(e(headers[4]))\">\(when)</td></tr>"
        }
        html += "</tbody></table>"
        if section.page.total > section.page.tickets.count {
            html += "<p class=\"muted\">\(l.pick("只列出最紧急的 \(section.page.tickets.count) 件；其余的用 gongdan ticket list 查看。", "Only the \(section.page.tickets.count) most urgent are listed; see the rest with gongdan ticket list."))</p>"
        }
        return html + "</section>"
    }

    /// The limit that runs while a ticket waits in `queue` (nil: none; the list shows when it was taken in).
    private func runningLimit(_ queue: WorkQueue) -> (label: String, date: (TicketSummary) -> Date?)? {
        switch queue {
        case .toSign: (l.pick("签收期限", "Sign by"), { $0.signBy })
        case .hotlineIntake: (l.pick("受理时限", "Intake limit"), { $0.intakeDeadline })
        case .handling, .replyRejected, .extensionRequests: (l.pick("办结期限", "Deadline"), { $0.deadline })
        case .toDispatch, .returned, .toReview, .toEvaluate, .toEscalate: nil
        }
    }

    private func notices() -> String {
        let e = DeskHTML.e
        let labels = Labels(language: l)
        var html = "<section aria-labelledby=\"q-notices\"><h2 id=\"q-notices\">\(l.pick("督办通知", "Supervision notices"))<span>\(l.pick("共 \(list.notices.count) 份", "\(list.notices.count)"))</span></h2><table class=\"list\"><thead><tr>"
        let headers = [l.pick("文号", "Number"), l.pick("类别", "Level"), l.pick("单位", "Unit"), l.pick("涉及工单", "Tickets"), l.pick("整改期限", "Finish by")]
        html += headers.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
        for notice in list.notices.prefix(20) {
            html += "<tr><td data-label=\"\(e(headers[0]))\">\(e(notice.number))</td><td data-label=\"\(e(headers[1]))\">\(e(labels.noticeLevel(notice.level)))</td>"
                + "<td data-label=\"\(e(headers[2]))\">\(e(notice.unitName ?? notice.unit))</td>"
                + "<td data-label=\"\(e(headers[3]))\">\(notice.tickets.map(DeskHTML.ticketLink).joined(separator: " "))</td>"
                + "<td data-label=\"\(e(headers[4]))\">\(e(notice.finishBy))</td></tr>"
        }
        return html + "</tbody></table></section>"
    }
}
