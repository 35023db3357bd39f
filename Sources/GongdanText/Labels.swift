import GongdanCore

/// Display names of the domain's values in Chinese and English. JSON uses the raw values instead.
public struct Labels: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    public func status(_ status: TicketStatus) -> String {
        switch status {
        case .pendingDispatch: language.pick("待分办", "pending dispatch")
        case .pendingSign: language.pick("待签收", "pending sign")
        case .handling: language.pick("办理中", "handling")
        case .pendingReview: language.pick("待审核", "pending review")
        case .pendingEvaluation: language.pick("待评价", "pending evaluation")
        case .pendingEscalation: language.pick("待提级", "pending escalation")
        case .closed: language.pick("已办结", "closed")
        case .merged: language.pick("已合并", "merged")
        }
    }

    public func category(_ category: TicketCategory) -> String {
        switch category {
        case .consult: language.pick("咨询", "consult")
        case .help: language.pick("求助", "help")
        case .suggestion: language.pick("意见建议", "suggestion")
        case .complaint: language.pick("投诉", "complaint")
        case .report: language.pick("举报", "report")
        }
    }

    public func source(_ source: IntakeSource) -> String {
        switch source {
        case .hotline: language.pick("12345热线", "12345 hotline")
        case .online: language.pick("一区通办(网上)", "online (一区通办)")
        case .window: language.pick("窗口受理", "walk-in window")
        }
    }

    public func satisfaction(_ satisfaction: Satisfaction) -> String {
        switch satisfaction {
        case .satisfied: language.pick("满意", "satisfied")
        case .basic: language.pick("基本满意", "basically satisfied")
        case .unsatisfied: language.pick("不满意", "unsatisfied")
        case .unreachable: language.pick("联系不上", "unreachable")
        }
    }

    public func role(_ role: Role) -> String {
        switch role {
        case .workstation: language.pick("工作站", "workstation")
        case .township: language.pick("镇街", "township")
        case .department: language.pick("部门", "department")
        }
    }

    public func unitKind(_ kind: UnitKind) -> String {
        switch kind {
        case .township: language.pick("镇街", "township")
        case .department: language.pick("部门", "department")
        }
    }

    /// The name of an event type (`TicketEventPayload.type`) on the timeline.
    public func eventType(_ type: String) -> String {
        switch type {
        case "created": language.pick("受理", "intake")
        case "dispatched": language.pick("分办", "dispatch")
        case "signed": language.pick("签收", "sign")
        case "returned": language.pick("退回", "return")
        case "contacted": language.pick("联系", "contact")
        case "progressNoted": language.pick("进展", "progress")
        case "extensionRequested": language.pick("申请延期", "extension request")
        case "extensionDecided": language.pick("延期审批", "extension decision")
        case "referred": language.pick("提请协调", "referral")
        case "replied": language.pick("办结申请", "reply")
        case "reviewed": language.pick("审核", "review")
        case "evaluated": language.pick("评价", "evaluation")
        case "escalated": language.pick("提级办理", "escalation")
        case "closed": language.pick("关闭", "close")
        case "corrected": language.pick("更正", "correction")
        case "merged": language.pick("合并", "merge")
        case "contactReleased": language.pick("开放举报人信息", "release contact")
        default: type
        }
    }

    /// The name of an action, as in "cannot 「回复」".
    public func action(_ action: TicketAction) -> String {
        switch action {
        case .create: language.pick("受理", "create")
        case .dispatch: language.pick("分办", "dispatch")
        case .sign: language.pick("签收", "sign")
        case .return: language.pick("退回", "return")
        case .contact: language.pick("联系", "contact")
        case .progress: language.pick("进展", "progress")
        case .extend: language.pick("申请延期", "extend")
        case .decideExtension: language.pick("延期审批", "decide-extension")
        case .refer: language.pick("提请协调", "refer")
        case .reply: language.pick("回复", "reply")
        case .review: language.pick("审核", "review")
        case .evaluate: language.pick("评价", "evaluate")
        case .escalate: language.pick("提级办理", "escalate")
        case .close: language.pick("关闭", "close")
        case .correct: language.pick("更正", "correct")
        case .merge: language.pick("合并", "merge")
        case .releaseContact: language.pick("开放举报人信息", "release-contact")
        }
    }

    public func field(_ field: CorrectableField) -> String {
        switch field {
        case .entityName: language.pick("经营主体名称", "entity name")
        case .creditCode: language.pick("统一社会信用代码", "credit code")
        case .contact: language.pick("联系人", "contact")
        case .phone: language.pick("电话", "phone")
        case .summary: language.pick("诉求摘要", "summary")
        case .detail: language.pick("详情", "detail")
        case .category: language.pick("类别", "category")
        }
    }

    public func closure(_ closure: TicketState.Closure) -> String {
        switch closure {
        case .satisfied: language.pick("评价满意或基本满意", "evaluated satisfied")
        case .unreachable: language.pick("经营主体联系不上", "entity unreachable")
        case .unreasonable: language.pick("诉求不合理合法", "demand not reasonable and lawful")
        case .byOffice(let reason): language.pick("办公室关闭：\(reason)", "closed by the office: \(reason)")
        }
    }

    /// A supervision notice's document, `提醒敦促函` / `reminder letter`.
    public func noticeLevel(_ level: NoticeLevel) -> String {
        let english = switch level {
        case .reminder: "reminder letter"
        case .rectification: "rectification notice"
        case .interview: "interview notice"
        }
        return language.pick(level.documentTitle, english)
    }

    public func yesNo(_ value: Bool) -> String { value ? language.pick("是", "yes") : language.pick("否", "no") }

    public func resolved(_ resolved: Bool) -> String {
        resolved ? language.pick("已解决", "resolved") : language.pick("未解决", "unresolved")
    }

    /// A unit by name and code: `东兴镇（DX）` / `东兴镇 (DX)`; the code alone when the name is unknown.
    public func unit(_ code: String, _ names: [String: String]) -> String {
        guard let name = names[code], name != code else { return code }
        return language.pick("\(name)（\(code)）", "\(name) (\(code))")
    }

    /// Units joined with the language's list separator.
    public func units(_ codes: [String], _ names: [String: String]) -> String {
        codes.map { unit($0, names) }.joined(separator: language.pick("、", ", "))
    }
}
