import GongdanStore
import GongdanText

/// Search results: tickets of this replica by code, entity, credit code, summary or phone.
struct SearchPage: Sendable {
    let language: Language
    let query: String
    let results: [TicketSummary]
    let units: [String: String]

    private var l: Language { language }

    var content: String {
        let e = DeskHTML.e
        let labels = Labels(language: l)
        var html = "<section><h2>\(l.pick("搜索：", "Search: "))\(e(query))<span>\(l.pick("找到 \(results.count) 件", "\(results.count) found"))</span></h2>"
        guard !results.isEmpty else {
            return html + "<p>\(l.pick("本机没有符合的工单。只能找到本节点保存的工单（分派给本单位的工单同步后才会到达）。", "No ticket here matches. Only tickets held on this node are found (those dispatched here arrive with a sync)."))</p></section>"
        }
        let headers = [l.pick("编号", "Code"), l.pick("状态", "Status"), l.pick("诉求", "Summary"), l.pick("经营主体", "Entity"), l.pick("承办", "Unit")]
        html += "<table class=\"list\"><thead><tr>" + headers.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
        for ticket in results {
            let cells = [DeskHTML.ticketLink(ticket.code), e(labels.status(ticket.status)), e(ticket.summary),
                         e(ticket.entityName.isEmpty ? l.pick("（已隐去）", "(withheld)") : ticket.entityName),
                         e(ticket.lead.map { labels.unit($0, units) } ?? "—")]
            html += "<tr>" + zip(headers, cells).map { "<td data-label=\"\(e($0))\">\($1)</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table></section>"
    }
}
