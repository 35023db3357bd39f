import GongdanCore
import GongdanText

/// Who is working: a clerk picks a name used on this PC before, or types one (it is recorded on every
/// event, as `--as` on the command line); with a password when the operator set one.
struct DeskLoginPage: Sendable {
    let language: Language
    /// Names that recorded events on this node, the most recent first.
    let knownNames: [String]
    let needsPassword: Bool
    var message: String? = nil

    private var l: Language { language }

    var content: String {
        let e = DeskHTML.e
        var html = "<form class=\"box\" method=\"post\" action=\"/login\"><h2>\(l.pick("请选择或填写办理人", "Who is working?"))</h2>"
        if let message { html += "<p class=\"refusal\" role=\"alert\">\(e(message))</p>" }
        html += "<label for=\"person\">\(l.pick("办理人姓名", "Your name"))</label><input type=\"text\" id=\"person\" name=\"person\" list=\"known\" maxlength=\"\(TextLimit.contact.rawValue)\" required autofocus aria-describedby=\"person-hint\">"
        html += "<small id=\"person-hint\" class=\"muted\">\(l.pick("姓名会记录在你办理的每一步上。", "Your name is recorded on every step you take."))</small>"
        html += "<datalist id=\"known\">" + knownNames.map { "<option value=\"\(e($0))\">" }.joined() + "</datalist>"
        if !knownNames.isEmpty {
            html += "<p class=\"muted\">\(l.pick("本机用过的姓名：", "Names used here: "))\(knownNames.prefix(8).map(e).joined(separator: "、"))</p>"
        }
        if needsPassword {
            html += "<label for=\"password\">\(l.pick("工作台密码", "Desk password"))</label><input type=\"password\" id=\"password\" name=\"password\" required>"
        }
        return html + "<button type=\"submit\">\(l.pick("开始办理", "Start"))</button></form>"
    }
}
