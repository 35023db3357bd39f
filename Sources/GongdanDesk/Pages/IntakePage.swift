import GongdanCore
import GongdanStore
import GongdanText
import GongdanWeb

/// The intake form, and — when the report probably repeats one held here — those tickets first, with a
/// box to say it is not a repeat.
struct IntakePage: Sendable {
    let language: Language
    let form: IntakeForm
    let csrf: String
    /// What the clerk filled in (after a refusal or the duplicate hints).
    var filled: FormFields? = nil
    /// Tickets the report probably repeats.
    var duplicates: [TicketSummary] = []

    private var l: Language { language }

    var content: String {
        let e = DeskHTML.e
        var html = "<section><h2>\(l.pick("新建工单（受理）", "New ticket"))</h2>"
        if !duplicates.isEmpty {
            let labels = Labels(language: l)
            html += "<div class=\"refusal\" role=\"alert\"><p><b>\(l.pick("同一经营主体已有相似的工单，可能是重复反映：", "The same entity has alike tickets; this may repeat one:"))</b></p><ul>"
            for ticket in duplicates {
                html += "<li>\(DeskHTML.ticketLink(ticket.code)) \(e(labels.status(ticket.status)))：\(e(ticket.summary))</li>"
            }
            html += "</ul><p>\(l.pick("若是重复反映，请到原工单记录进展（工作站可把新工单合并进去）；若不是，勾选下面的“不是重复”后再提交。", "If it repeats one, note progress on that ticket; if not, tick \"not a repeat\" below and submit again."))</p></div>"
        }
        html += "<form method=\"post\" action=\"/intake\">\(DeskHTML.csrf(csrf))"
        for field in form.fields {
            html += DeskHTML.field(field, idPrefix: "new", value: filled?.text(field.name), language: l)
        }
        if !duplicates.isEmpty {
            html += "<label class=\"inline\" for=\"new-notDuplicate\"><input type=\"checkbox\" id=\"new-notDuplicate\" name=\"notDuplicate\" value=\"yes\"> \(l.pick("不是重复，仍然新建", "Not a repeat: create it anyway"))</label>"
        }
        html += "<br><button type=\"submit\">\(l.pick("受理", "Take in"))</button></form></section>"
        return html
    }
}
