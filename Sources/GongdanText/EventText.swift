import GongdanCore

/// One event of a ticket's history in words, for the timeline of `ticket show`.
public struct EventText: Sendable {
    public let language: Language
    /// Unit code → name.
    public let units: [String: String]
    private var labels: Labels { Labels(language: language) }

    public init(language: Language, units: [String: String]) {
        self.language = language
        self.units = units
    }

    /// The timeline row: time, event type, who, what.
    public func row(_ event: TicketEvent) -> [String] {
        let actor = event.actor
        let who = "\(actor.person)@\(actor.node)" + language.pick("（\(labels.role(actor.role))）", " (\(labels.role(actor.role)))")
        return [TimeText.instant(event.time), labels.eventType(event.payload.type), who, detail(event.payload)]
    }

    /// What the event says beyond its type.
    public func detail(_ payload: TicketEventPayload) -> String {
        let l = language
        switch payload {
        case .created(let intake):
            var parts = [labels.source(intake.source), labels.category(intake.category)]
            if let order = intake.hotlineOrder { parts.append(l.pick("热线工单号 \(order)", "hotline order \(order)")) }
            if let unit = intake.keptBy {
                parts.append(l.pick("\(labels.unit(unit, units))自办", "kept by \(labels.unit(unit, units))"))
            }
            if let answer = intake.immediateAnswer { parts.append(l.pick("当场答复：\(answer)", "answered at once: \(answer)")) }
            return parts.joined(separator: l.pick("，", ", "))
        case .dispatched(let assignment), .escalated(let assignment):
            return assignmentText(assignment)
        case .signed:
            return ""
        case .returned(let reason), .closed(let reason):
            return l.pick("理由：\(reason)", "reason: \(reason)")
        case .contacted(let note), .progressNoted(let note), .referred(let note):
            return note
        case .extensionRequested(let days, let reason):
            return l.pick("\(days) 个工作日，理由：\(reason)", "\(days) working days, reason: \(reason)")
        case .extensionDecided(let approved, let reason, let deadline):
            var text = approved ? l.pick("批准", "approved") : l.pick("不批准", "denied")
            if let deadline { text += l.pick("，新办结期限 \(TimeText.deadline(deadline))", ", new deadline \(TimeText.deadline(deadline))") }
            if let reason { text += l.pick("，理由：\(reason)", ", reason: \(reason)") }
            return text
        case .replied(let result, let resolved):
            return "\(labels.resolved(resolved))\(l.pick("：", ": "))\(result)"
        case .reviewed(let accepted, let reason):
            let verdict = accepted ? l.pick("通过", "accepted") : l.pick("不通过（办结不规范）", "rejected (non-standard)")
            return verdict + (reason.map { l.pick("：\($0)", ": \($0)") } ?? "")
        case .evaluated(let evaluation):
            return evaluationText(evaluation)
        case .corrected(let field, let value):
            return "\(labels.field(field)) → \(value ?? l.pick("（清空）", "(cleared)"))"
        case .merged(let into):
            return l.pick("并入 \(into)", "into \(into)")
        case .contactReleased(let unit, let reason):
            return l.pick("向 \(labels.unit(unit, units)) 开放举报人信息，理由：\(reason)",
                          "reporter released to \(labels.unit(unit, units)), reason: \(reason)")
        }
    }

    /// `→ 东兴镇（DX），协办 …，签收期限 …，办结期限 …`.
    public func assignmentText(_ assignment: Assignment) -> String {
        let l = language
        var text = "→ \(labels.unit(assignment.lead, units))"
        if !assignment.co.isEmpty { text += l.pick("，协办 ", ", with ") + labels.units(assignment.co, units) }
        text += l.pick("，签收期限 \(TimeText.deadline(assignment.signBy))，办结期限 \(TimeText.deadline(assignment.deadline))",
                       ", sign by \(TimeText.deadline(assignment.signBy)), deadline \(TimeText.deadline(assignment.deadline))")
        return text
    }

    /// `满意，已解决，回访：…`.
    public func evaluationText(_ evaluation: Evaluation) -> String {
        let l = language
        var parts = [labels.satisfaction(evaluation.satisfaction), labels.resolved(evaluation.resolved)]
        if !evaluation.reasonable { parts.append(l.pick("诉求不合理合法", "demand not reasonable")) }
        parts.append(evaluation.channel == .revisit ? l.pick("回访", "revisit") : l.pick("经营主体自评", "by the entity"))
        var text = parts.joined(separator: l.pick("，", ", "))
        if let note = evaluation.note { text += l.pick("：\(note)", ": \(note)") }
        return text
    }
}
