import GongdanCore
import GongdanText
import GongdanWeb

/// The desk's form for one action on a ticket: its title, fields and button, and how a post becomes the
/// node service's ``TicketCommand``. Which forms a ticket shows comes from the rule table
/// (``GongdanNode/NodeService/allowedActions(on:)``); the limits are the table's (``TextLimit``), checked
/// here first only so a clerk reads them in plain words.
struct ActionForm: Sendable {
    let action: TicketAction
    let language: Language
    /// The policy's largest extension, in working days.
    var maxExtensionDays = HandlingPolicy.default.maxExtensionDays

    private var l: Language { language }

    /// The form's heading.
    var title: String { Labels(language: l).action(action) }

    /// The button's words.
    var submit: String {
        switch action {
        case .sign: l.pick("签收", "Sign")
        case .return: l.pick("退回工作站", "Return to the workstation")
        case .contact: l.pick("记录联系", "Record the contact")
        case .progress: l.pick("记录进展", "Record progress")
        case .extend: l.pick("申请延期", "Ask for an extension")
        case .refer: l.pick("提请协调", "Refer")
        case .reply: l.pick("提交回复", "Send the reply")
        case .dispatch: l.pick("分派", "Dispatch")
        case .review: l.pick("提交审核意见", "Record the review")
        case .evaluate: l.pick("记录评价", "Record the evaluation")
        case .decideExtension: l.pick("提交审批", "Decide")
        case .escalate: l.pick("提级办理", "Escalate")
        case .close: l.pick("关闭工单", "Close the ticket")
        case .merge: l.pick("合并", "Merge")
        case .releaseContact: l.pick("开放举报人信息", "Release the reporter")
        case .correct: l.pick("更正", "Correct")
        case .create: l.pick("提交", "Submit")
        }
    }

    /// What the action does, in one line under its heading.
    var explanation: String? {
        switch action {
        case .sign: l.pick("确认本单位承办此工单，办理时限开始计算。", "This unit takes the ticket; the handling deadline runs.")
        case .return: l.pick("不属于本单位职责时退回工作站重新分办（签收后、开始办理前可退）。", "Not this unit's matter: back to the workstation for another dispatch.")
        case .contact: l.pick("回复前须先记录与经营主体的联系。", "A contact with the entity must be recorded before the reply.")
        case .reply: l.pick("提交后由工作站审核。", "The workstation reviews it next.")
        case .refer: l.pick("涉及多个单位、难以协调时提请专责组协调。", "A matter across units that needs the coordination group.")
        case .evaluate: l.pick("回访经营主体后记录其评价。", "Record the entity's evaluation after a revisit.")
        case .correct: l.pick("更正受理时记错的信息；清空可不填的项时，新值留空。", "Correct what the intake got wrong; leave the value empty to clear an optional field.")
        default: nil
        }
    }

    private var yesNo: [FormField.Option] {
        [.init(value: "yes", label: l.pick("已解决", "resolved")), .init(value: "no", label: l.pick("未解决", "not resolved"))]
    }

    /// The fields, in order.
    var fields: [FormField] {
        switch action {
        case .sign, .create:
            return []
        case .correct:
            return [FormField(name: "field", label: l.pick("更正哪一项", "Field"), kind: .choice(CorrectableField.allCases.map {
                        .init(value: $0.rawValue, label: Labels(language: l).field($0)) }), required: true),
                    FormField(name: "value", label: l.pick("新值", "New value"), kind: .paragraph(.note), required: false,
                              hint: l.pick("类别填写" + TicketCategory.allCases.map { Labels(language: .zh).category($0) }.joined(separator: "、"),
                                           "A category: " + TicketCategory.allCases.map(\.rawValue).joined(separator: ", ")))]
        case .return:
            return [FormField(name: "reason", label: l.pick("退回理由", "Why it is not this unit's"), kind: .paragraph(.note), required: true)]
        case .contact:
            return [FormField(name: "note", label: l.pick("联系情况", "The contact"), kind: .paragraph(.note), required: true,
                              hint: l.pick("如：10月9日电话联系张经理，约定现场查看", "e.g. called the manager on 9 Oct, agreed a site visit"))]
        case .progress:
            return [FormField(name: "note", label: l.pick("办理进展", "Progress"), kind: .paragraph(.note), required: true)]
        case .extend:
            return [FormField(name: "days", label: l.pick("延期天数（工作日）", "Working days"), kind: .number(1...maxExtensionDays), required: true),
                    FormField(name: "reason", label: l.pick("延期理由", "Why more time is needed"), kind: .paragraph(.note), required: true)]
        case .refer:
            return [FormField(name: "note", label: l.pick("需协调的事项", "What the group should resolve"), kind: .paragraph(.note), required: true)]
        case .reply:
            return [FormField(name: "result", label: l.pick("办理结果", "What was done and the outcome"), kind: .paragraph(.note), required: true),
                    FormField(name: "resolved", label: l.pick("问题是否解决", "Resolved?"), kind: .choice(yesNo), required: true)]
        case .dispatch, .escalate:
            return [FormField(name: "lead", label: l.pick("牵头单位", "Lead unit"), kind: .unit, required: true),
                    FormField(name: "co", label: l.pick("协办单位（可不选）", "Co-units (optional)"), kind: .units, required: false)]
        case .review:
            return [FormField(name: "decision", label: l.pick("审核意见", "Verdict"), kind: .choice([
                        .init(value: "accept", label: l.pick("通过", "accept")),
                        .init(value: "reject", label: l.pick("不通过（办结不规范，退回重办）", "reject (not standard, handle again)"))]), required: true),
                    FormField(name: "reason", label: l.pick("不通过的理由", "Why it is rejected"), kind: .paragraph(.note), required: false)]
        case .evaluate:
            return [FormField(name: "satisfaction", label: l.pick("评价", "Evaluation"), kind: .choice(Satisfaction.allCases.map {
                        .init(value: $0.rawValue, label: Labels(language: l).satisfaction($0)) }), required: true),
                    FormField(name: "resolved", label: l.pick("问题是否解决", "Resolved?"), kind: .choice(yesNo), required: true),
                    FormField(name: "unreasonable", label: l.pick("诉求不合理合法（不计入满意率）", "The demand was not reasonable and lawful"),
                              kind: .checkbox, required: false),
                    FormField(name: "note", label: l.pick("经营主体的意见", "What the entity said"), kind: .paragraph(.note), required: false)]
        case .decideExtension:
            return [FormField(name: "decision", label: l.pick("审批意见", "Decision"), kind: .choice([
                        .init(value: "approve", label: l.pick("批准", "approve")), .init(value: "deny", label: l.pick("不批准", "deny"))]), required: true),
                    FormField(name: "reason", label: l.pick("不批准的理由", "Why it is denied"), kind: .paragraph(.note), required: false)]
        case .close:
            return [FormField(name: "reason", label: l.pick("关闭理由", "Why the office closes it"), kind: .paragraph(.note), required: true)]
        case .merge:
            return [FormField(name: "into", label: l.pick("并入的工单编号", "The ticket it duplicates"), kind: .line(.name), required: true,
                              hint: l.pick("如 WS-26-0012", "e.g. WS-26-0012"))]
        case .releaseContact:
            return [FormField(name: "reason", label: l.pick("开放理由", "Why the lead needs the reporter"), kind: .paragraph(.note), required: true)]
        }
    }

    /// The command a post of this form asks for.
    func command(from form: FormFields) throws(DeskError) -> TicketCommand {
        var values: [String: String] = [:]
        for field in fields { if let value = try field.read(from: form) { values[field.name] = value } }
        let field = { (name: String) in fields.first { $0.name == name }!.label }
        switch action {
        case .sign: return .sign
        case .return: return .returnTicket(reason: values["reason"]!)
        case .contact: return .contact(note: values["note"]!)
        case .progress: return .progress(note: values["note"]!)
        case .extend: return .requestExtension(days: Int(values["days"]!)!, reason: values["reason"]!)
        case .refer: return .refer(note: values["note"]!)
        case .reply: return .reply(result: values["result"]!, resolved: values["resolved"] == "yes")
        case .dispatch, .escalate:
            let lead = values["lead"]!
            let co = form.all("co").filter { $0 != lead }
            return action == .dispatch ? .dispatch(lead: lead, co: co) : .escalate(lead: lead, co: co)
        case .review:
            let accept = values["decision"] == "accept"
            if !accept && values["reason"] == nil { throw .missing(field: field("reason")) }
            return .review(accept: accept, reason: values["reason"])
        case .evaluate:
            let satisfaction = Satisfaction(rawValue: values["satisfaction"]!)!
            return .evaluate(Evaluation(satisfaction: satisfaction, resolved: values["resolved"] == "yes",
                                        reasonable: values["unreasonable"] == nil, channel: .revisit, note: values["note"]))
        case .decideExtension:
            let approve = values["decision"] == "approve"
            if !approve && values["reason"] == nil { throw .missing(field: field("reason")) }
            return .decideExtension(approve: approve, reason: values["reason"])
        case .close: return .close(reason: values["reason"]!)
        case .merge: return .merge(into: values["into"]!)
        case .releaseContact: return .releaseContact(reason: values["reason"]!)
        case .correct:
            let field = CorrectableField(rawValue: values["field"]!)!
            var value = values["value"]
            // A category may be given as a clerk reads it (投诉) or as its value (complaint).
            if field == .category, let typed = value,
               let category = TicketCategory.allCases.first(where: { Labels(language: .zh).category($0) == typed || Labels(language: .en).category($0) == typed }) {
                value = category.rawValue
            }
            return .correct(field: field, value: value)
        case .create: throw .unknownChoice(field: title)
        }
    }
}
