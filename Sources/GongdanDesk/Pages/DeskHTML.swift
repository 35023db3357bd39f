import Foundation
import GongdanCore
import GongdanText

/// The desk's HTML pieces: escaping, form fields with their labels, ticket links, countdowns.
enum DeskHTML {
    static func e(_ text: String) -> String { HTMLText.escape(text) }

    /// The CSRF field every form of a session carries.
    static func csrf(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(e(token))\">"
    }

    /// A field with its label (and hint); `idPrefix` keeps ids unique when a page has several forms.
    static func field(_ field: FormField, idPrefix: String, value: String? = nil, units: [HandlingUnit] = [],
                      language l: Language) -> String {
        let id = "\(idPrefix)-\(field.name)"
        let required = field.required ? " required" : ""
        let mark = field.required ? "<span class=\"req\" aria-hidden=\"true\">*</span>" : ""
        let hintID = field.hint.map { _ in "\(id)-hint" }
        let described = hintID.map { " aria-describedby=\"\($0)\"" } ?? ""
        let hint = field.hint.map { "<small id=\"\(id)-hint\" class=\"muted\">\(e($0))</small>" } ?? ""
        switch field.kind {
        case .line(let limit):
            return "<label for=\"\(id)\">\(e(field.label))\(mark)</label><input type=\"text\" id=\"\(id)\" name=\"\(field.name)\" maxlength=\"\(limit.rawValue)\" value=\"\(e(value ?? ""))\"\(required)\(described)>\(hint)"
        case .paragraph(let limit):
            return "<label for=\"\(id)\">\(e(field.label))\(mark)</label><textarea id=\"\(id)\" name=\"\(field.name)\" rows=\"3\" maxlength=\"\(limit.rawValue)\"\(required)\(described)>\(e(value ?? ""))</textarea>\(hint)"
        case .number(let range):
            return "<label for=\"\(id)\">\(e(field.label))\(mark)</label><input type=\"number\" id=\"\(id)\" name=\"\(field.name)\" min=\"\(range.lowerBound)\" max=\"\(range.upperBound)\" value=\"\(e(value ?? ""))\"\(required)\(described)>\(hint)"
        case .choice(let options):
            let radios = options.enumerated().map { (index, option) -> String in
                let checked = option.value == value ? " checked" : ""
                return "<label class=\"inline\"><input type=\"radio\" name=\"\(field.name)\" value=\"\(e(option.value))\"\(index == 0 ? required : "")\(checked)> \(e(option.label))</label>"
            }.joined()
            return "<fieldset><legend>\(e(field.label))\(mark)</legend>\(radios)</fieldset>\(hint)"
        case .unit:
            let choices = units.map { (unit) -> String in
                "<option value=\"\(e(unit.code))\"\(unit.code == value ? " selected" : "")>\(e(unit.name))\(l.pick("（", " ("))\(e(unit.code))\(l.pick("）", ")"))</option>"
            }.joined()
            return "<label for=\"\(id)\">\(e(field.label))\(mark)</label><select id=\"\(id)\" name=\"\(field.name)\"\(required)><option value=\"\">\(l.pick("— 请选择 —", "— choose —"))</option>\(choices)</select>\(hint)"
        case .units:
            let boxes = units.map { (unit) -> String in
                "<label class=\"inline\"><input type=\"checkbox\" name=\"\(field.name)\" value=\"\(e(unit.code))\"> \(e(unit.name))</label>"
            }.joined()
            return "<fieldset><legend>\(e(field.label))</legend>\(boxes)</fieldset>"
        case .checkbox:
            return "<label class=\"inline\" for=\"\(id)\"><input type=\"checkbox\" id=\"\(id)\" name=\"\(field.name)\" value=\"yes\"\(value == nil ? "" : " checked")> \(e(field.label))</label>"
        }
    }

    /// A link to a ticket's page.
    static func ticketLink(_ code: String) -> String {
        "<a href=\"/tickets/\(e(code))\">\(e(code))</a>"
    }

    /// `剩 3 个工作日` / `今天到期` / `已逾期 2 个工作日`, marked when overdue.
    static func countdown(_ countdown: DeadlineCountdown, language l: Language) -> String {
        switch countdown {
        case .dueIn(_, true):
            return "<span class=\"soon\">\(l.pick("今天到期", "due today"))</span>"
        case .dueIn(let days, false):
            let text = l.pick("剩 \(days) 个工作日", "\(days) working day(s) left")
            return days <= 1 ? "<span class=\"soon\">\(text)</span>" : text
        case .overdue(let days):
            return "<span class=\"bad\">\(days > 0 ? l.pick("已逾期 \(days) 个工作日", "overdue by \(days) working day(s)") : l.pick("已逾期", "overdue"))</span>"
        }
    }
}
