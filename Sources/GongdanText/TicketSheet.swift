import Foundation
import GongdanCore
import GongdanNode

/// A ticket's facts as label–value lines, the one wording of `ticket show`, the desk's ticket page and its
/// printed sheet: state, entity (or why it is withheld here), deadlines, reply, evaluation, closure.
public struct TicketSheet: Sendable {
    public let language: Language
    public let now: Date

    public init(language: Language, now: Date) {
        self.language = language
        self.now = now
    }

    /// `工单 DX-26-0001（查询码 …）`: only the workstation has the query code.
    public func title(_ detail: TicketDetail) -> String {
        let code = detail.state.code
        return detail.queryCode.map { language.pick("工单 \(code)（查询码 \($0)）", "Ticket \(code) (query code \($0))") }
            ?? language.pick("工单 \(code)", "Ticket \(code)")
    }

    /// The facts that have a value, in reading order.
    public func facts(_ detail: TicketDetail) -> [(label: String, value: String)] {
        let l = language
        let labels = Labels(language: l)
        let state = detail.state
        let intake = state.intake
        let units = detail.units
        var lines: [(label: String, value: String)] = []
        func add(_ zh: String, _ en: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append((l.pick(zh, en), value)) }
        }

        add("状态", "Status", labels.status(state.status))
        add("类别", "Category", labels.category(intake.category))
        add("来源", "Source", labels.source(intake.source) + (intake.hotlineOrder.map { l.pick("（工单号 \($0)）", " (order \($0))") } ?? ""))
        let withheld = Set(state.withheld)
        // A withheld field says who can read it and how this unit gets it (docs/privacy.md).
        let hidden = state.category == .report
            ? l.pick("（举报人信息已隐去：工作站可用 ticket release-contact 开放给牵头单位）",
                     "(reporter withheld: the workstation can release it to the lead with ticket release-contact)")
            : l.pick("（已隐去：仅工作站和当前承办单位可见）", "(withheld: only the workstation and the units handling it read it)")
        add("经营主体", "Entity", withheld.contains(.entityName) ? hidden : intake.entity.name)
        add("信用代码", "Credit code", withheld.contains(.creditCode) ? hidden : intake.entity.creditCode)
        let reach = [intake.entity.contact, intake.entity.phone].compactMap { $0 }.joined(separator: " ")
        add("联系人", "Contact", withheld.isDisjoint(with: ContactPrivacy.contactFields) ? reach : hidden)
        add("诉求", "Summary", intake.summary)
        add("详情", "Detail", intake.detail)
        add("受理时间", "Taken in", TimeText.instant(state.createdAt) + " \(state.createdBy.person)@\(state.createdBy.node)")
        add("热线受理", "Hotline call", intake.hotlineReceivedAt.map(TimeText.instant))
        add("受理时限", "Intake limit", intake.intakeDeadline.map(TimeText.deadline))
        add("当场答复", "Answered at once", intake.immediateAnswer)
        add("牵头单位", "Lead unit", state.lead.map { labels.unit($0, units) })
        add("协办单位", "Co-units", state.coUnits.isEmpty ? nil : labels.units(state.coUnits, units))
        add("分办时间", "Dispatched", state.dispatchedAt.map(TimeText.instant))
        add("签收期限", "Sign by", state.signBy.map { TimeText.deadline($0) + mark(state.isSignOverdue(at: now), l.pick("（已超期未签收）", " (OVERDUE, unsigned)")) })
        add("签收时间", "Signed", state.signedAt.map(TimeText.instant))
        add("办结期限", "Deadline", state.deadline.map { TimeText.deadline($0) + mark(state.isOverdue(at: now), l.pick("（已超期）", " (OVERDUE)")) })
        if state.round > 1 || state.escalated {
            add("轮次", "Round", "\(state.round)" + (state.escalated ? l.pick("，已提级办理", ", escalated") : ""))
        }
        if let request = state.pendingExtension {
            add("延期申请", "Extension asked", l.pick("\(request.days) 个工作日，待审批（\(request.reason)）",
                                                    "\(request.days) working days, pending (\(request.reason))"))
        }
        if state.extensionDaysGranted > 0 {
            add("已批准延期", "Extension granted", l.pick("\(state.extensionDaysGranted) 个工作日", "\(state.extensionDaysGranted) working days"))
        }
        if let reply = state.reply {
            add("办结回复", "Reply", l.pick("\(labels.unit(reply.unit, units))：\(labels.resolved(reply.resolved))，\(reply.result)",
                                            "\(labels.unit(reply.unit, units)): \(labels.resolved(reply.resolved)), \(reply.result)"))
        }
        for handed in state.handedOverReplies {
            add("移交的回复", "Handed-over reply", l.pick(
                "\(labels.unit(handed.unit, units)) 在改派前离线作出：\(labels.resolved(handed.resolved))，\(handed.result)",
                "made offline by \(labels.unit(handed.unit, units)) before the re-assignment: \(labels.resolved(handed.resolved)), \(handed.result)"))
        }
        if let evaluation = state.evaluations.last {
            add("评价", "Evaluation", EventText(language: l, units: units).evaluationText(evaluation))
        }
        add("办结", "Closed", state.closure.map { labels.closure($0) + " " + (state.closedAt.map(TimeText.instant) ?? "") })
        add("并入", "Merged into", state.mergedInto)

        return lines
    }

    private func mark(_ condition: Bool, _ text: String) -> String { condition ? text : "" }
}
