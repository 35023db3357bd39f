import GongdanCore
import GongdanText

/// The one line a mutating ticket command prints: what happened, the new status, and the
/// deadlines when they matter.
struct OutcomeText: Sendable {
    let language: Language
    /// Unit code → name.
    let units: [String: String]
    private var labels: Labels { Labels(language: language) }

    func line(_ event: TicketEvent, _ state: TicketState) -> String {
        let l = language
        let code = state.code
        let deadline = state.deadline.map(TimeText.deadline) ?? "—"
        let what: String
        switch event.payload {
        case .created:
            what = l.pick("已受理 \(code)", "Took in \(code)")
        case .dispatched(let assignment):
            what = l.pick("已分办 \(code) ", "Dispatched \(code) ") + EventText(language: l, units: units).assignmentText(assignment)
        case .escalated(let assignment):
            what = l.pick("已提级办理 \(code) ", "Escalated \(code) ") + EventText(language: l, units: units).assignmentText(assignment)
        case .signed:
            what = l.pick("已签收 \(code)，办结期限 \(deadline)", "Signed \(code), deadline \(deadline)")
        case .returned(let reason):
            what = l.pick("已退回 \(code)（理由：\(reason)），等待工作站重新分办", "Returned \(code) (reason: \(reason)); the workstation re-dispatches it")
        case .contacted:
            what = l.pick("已记录与经营主体的联系 \(code)", "Recorded the contact with the entity on \(code)")
        case .progressNoted:
            what = l.pick("已记录进展 \(code)", "Recorded progress on \(code)")
        case .extensionRequested(let days, _):
            what = l.pick("已申请延期 \(code) \(days) 个工作日，待工作站审批，当前办结期限 \(deadline)",
                          "Asked to extend \(code) by \(days) working days, pending the workstation's decision; deadline now \(deadline)")
        case .extensionDecided(let approved, _, _):
            what = approved
                ? l.pick("已批准延期 \(code)，新办结期限 \(deadline)", "Approved the extension of \(code); new deadline \(deadline)")
                : l.pick("未批准延期 \(code)，办结期限仍为 \(deadline)", "Denied the extension of \(code); the deadline stays \(deadline)")
        case .referred:
            what = l.pick("已提请专责组协调 \(code)", "Referred \(code) to the coordination group")
        case .replied(_, let resolved):
            what = l.pick("已提交办结申请 \(code)（\(labels.resolved(resolved))），待工作站审核",
                          "Replied on \(code) (\(labels.resolved(resolved))), pending the workstation's review")
        case .reviewed(let accepted, _):
            what = accepted
                ? l.pick("审核通过 \(code)，待回访评价", "Accepted the reply on \(code); the entity's evaluation is next")
                : l.pick("审核不通过 \(code)（办结不规范），退回承办单位重办，办结期限 \(deadline)",
                         "Rejected the reply on \(code) as non-standard; back to the unit, deadline \(deadline)")
        case .evaluated(let evaluation):
            what = l.pick("已记录评价 \(code)：", "Recorded the evaluation of \(code): ")
                + EventText(language: l, units: units).evaluationText(evaluation)
        case .closed:
            what = l.pick("已关闭 \(code)", "Closed \(code)")
        case .corrected(let field, let value):
            what = l.pick("已更正 \(code) 的\(labels.field(field))为「\(value ?? "")」",
                          "Corrected the \(labels.field(field)) of \(code) to '\(value ?? "")'")
        case .merged(let into):
            what = l.pick("已将 \(code) 合并到 \(into)", "Merged \(code) into \(into)")
        case .contactReleased(let unit, _):
            what = l.pick("已向 \(labels.unit(unit, units)) 开放 \(code) 的举报人信息（对方下次同步后可见）",
                          "Released the reporter of \(code) to \(labels.unit(unit, units)) (visible after its next sync)")
        }
        return what + l.pick("；当前状态「\(labels.status(state.status))」", "; status: \(labels.status(state.status))")
    }

    /// What `ticket new` prints: the code and, on the workstation, the query code the entity needs.
    /// A unit's walk-in has no query code here: the workstation revisits the entity to record its
    /// evaluation (`docs/evaluation.md`).
    func created(_ state: TicketState, queryCode: String?, role: Role) -> String {
        let l = language
        var text: String
        if let queryCode {
            text = l.pick("已受理 \(state.code)，查询码 \(queryCode)（请告知经营主体，凭工单编号和查询码查询进度）",
                          "Took in \(state.code), query code \(queryCode) (give both to the entity to follow progress)")
        } else if role.isUnit {
            text = l.pick("已受理 \(state.code)（请告知经营主体工单编号；办结后由区工作站回访并记录评价）",
                          "Took in \(state.code) (give the entity the ticket code; the workstation revisits it to record its evaluation)")
        } else {
            text = l.pick("已受理 \(state.code)（查询码在与中心同步后由 `gongdan ticket show \(state.code)` 显示）",
                          "Took in \(state.code) (its query code shows in `gongdan ticket show \(state.code)` after a sync with the hub)")
        }
        if let unit = state.intake.keptBy, let deadline = state.deadline {
            text += l.pick("；由\(labels.unit(unit, units))自办，办结期限 \(TimeText.deadline(deadline))",
                           "; kept by \(labels.unit(unit, units)), deadline \(TimeText.deadline(deadline))")
        }
        if state.intake.immediateAnswer != nil {
            text += l.pick("；已当场答复", "; answered at once")
        }
        return text + l.pick("；当前状态「\(labels.status(state.status))」", "; status: \(labels.status(state.status))")
    }
}
