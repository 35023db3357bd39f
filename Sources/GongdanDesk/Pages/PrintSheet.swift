import Foundation
import GongdanCore
import GongdanNode
import GongdanStore
import GongdanText
import GongdanWeb

/// A ticket on one A4 sheet, for the file or a signature: the facts, the timeline, and lines to sign.
struct PrintSheet: Sendable {
    let language: Language
    let detail: TicketDetail
    let identity: NodeIdentity
    let now: Date
    let printedBy: String

    private var l: Language { language }

    var html: String {
        let e = DeskHTML.e
        let sheet = TicketSheet(language: l, now: now)
        let words = EventText(language: l, units: detail.units)
        var body = "<article class=\"sheet\"><h1>\(e(identity.name)) \(l.pick("经营主体诉求办理单", "ticket sheet"))</h1>"
        body += "<p class=\"meta\">\(e(sheet.title(detail))) · \(l.pick("打印", "printed")) \(e(TimeText.instant(now))) · \(e(printedBy))</p>"
        body += "<table class=\"facts\"><tbody>" + sheet.facts(detail).map { "<tr><th scope=\"row\">\(e($0.label))</th><td>\(e($0.value))</td></tr>" }.joined() + "</tbody></table>"
        body += "<h2>\(l.pick("办理经过", "Timeline"))</h2><table class=\"events\"><thead><tr><th>\(l.pick("时间", "Time"))</th><th>\(l.pick("事件", "Event"))</th><th>\(l.pick("操作人", "By"))</th><th>\(l.pick("说明", "Detail"))</th></tr></thead><tbody>"
        body += detail.events.map { event in "<tr>" + words.row(event).map { "<td>\(e($0))</td>" }.joined() + "</tr>" }.joined()
        body += "</tbody></table><p class=\"sign\">\(l.pick("经办人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日", "Handled by: ________   Reviewed by: ________   Date: ____-__-__"))</p>"
        body += "<p class=\"noprint\"><a href=\"/tickets/\(e(detail.state.code))\">\(l.pick("返回工单", "Back to the ticket"))</a></p></article>"
        return HTMLPage.page(title: sheet.title(detail), body: body, extraStyle: Self.style, language: l.pick("zh-CN", "en"))
    }

    static let style = """
        body{background:#fff}.sheet{max-width:180mm;margin:0 auto;padding:12px}
        .sheet h1{font-size:20px;text-align:center;margin:8px 0}.sheet h2{font-size:15px;margin:14px 0 6px}
        .meta{text-align:center;color:#52606d;font-size:12px}
        table.facts th{width:7em;background:#f6f7f9;white-space:nowrap}table{font-size:12px;border:1px solid #c9d1da}
        th,td{border:1px solid #c9d1da}.sign{margin-top:28px;font-size:13px}
        @page{size:A4;margin:15mm}
        @media print{.noprint{display:none}.sheet{padding:0}table{page-break-inside:auto}tr{page-break-inside:avoid}}
        """
}
