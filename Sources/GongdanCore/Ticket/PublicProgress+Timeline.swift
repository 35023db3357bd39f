import Foundation

extension PublicProgress {
    /// The entity's view of a folded ticket. Pure.
    ///
    /// - Parameters:
    ///   - state: The folded ticket.
    ///   - events: Its events (any order); superseded ones (concurrent offline work the fold set
    ///     aside) are left out of the timeline.
    ///   - unitNames: Unit code → display name; a unit without a name shows as `承办单位`.
    public init(state: TicketState, events: [TicketEvent], unitNames: [String: String]) {
        func unit(_ code: String?) -> String {
            guard let code else { return "承办单位" }
            return unitNames[code] ?? "承办单位"
        }
        let superseded = Set(state.supersededEvents)
        var steps: [Step] = []
        for event in TicketFold.causalOrder(events) where !superseded.contains(event.id) {
            if let text = Self.words(for: event.payload, state: state, unit: unit) {
                steps.append(Step(at: event.time, text: text))
            }
        }
        let evaluation = state.rounds.last(where: { $0.evaluation != nil }).flatMap { round -> EvaluationSummary? in
            guard let evaluation = round.evaluation, let at = round.evaluatedAt else { return nil }
            return EvaluationSummary(satisfaction: evaluation.satisfaction, resolved: evaluation.resolved, at: at,
                                     text: Self.words(for: evaluation))
        }
        let handling = state.lead ?? state.rounds.last?.unit
        let running = state.status.owesReply || state.status == .pendingReview
        let deadline = running ? state.deadline : nil
        self.init(ticket: state.code, category: state.category, categoryName: Self.name(of: state.category),
                  status: state.status, statusText: Self.words(for: state.status),
                  handlingUnit: handling.map { unit($0) }, deadline: deadline,
                  deadlineText: deadline.map { Self.lastDayText(of: $0) },
                  canEvaluate: state.status == .pendingEvaluation && !state.createdBy.role.isUnit,
                  revisitOnly: state.createdBy.role.isUnit, evaluation: evaluation,
                  pageEvaluationSetAside: events.contains { event in
                      guard superseded.contains(event.id), case .evaluated(let made) = event.payload else { return false }
                      return made.channel == .publicPage
                  },
                  timeline: steps)
    }

    /// One event in the entity's words, or nil when it is not the entity's concern (corrections).
    static func words(for payload: TicketEventPayload, state: TicketState, unit: (String?) -> String) -> String? {
        switch payload {
        case .created(let intake):
            if intake.immediateAnswer != nil { return "已受理，并当场答复" }
            return "已受理（\(name(of: intake.source))）"
        case .dispatched(let assignment):
            return "已分派至\(unit(assignment.lead))办理，办理期限至\(lastDayText(of: assignment.deadline))"
        case .signed:
            return "承办单位已签收，正在办理"
        case .returned:
            return "承办单位认为不属其职责，工作站正在重新分派"
        case .contacted:
            return "承办单位已与您联系"
        case .progressNoted:
            return "办理有新进展"
        case .extensionRequested:
            return "承办单位申请延长办理期限"
        case .extensionDecided(let approved, _, let deadline):
            guard approved else { return "延期申请未获批准，原办理期限不变" }
            return deadline.map { "延期已批准，办理期限延至\(lastDayText(of: $0))" } ?? "延期已批准"
        case .referred:
            return "已提请专责组协调办理"
        case .replied:
            return "承办单位已答复办理结果，工作站正在审核"
        case .reviewed(let accepted, _):
            return accepted ? "办理结果已审核通过，请您评价" : "答复未通过审核，已退回承办单位继续办理"
        case .evaluated(let evaluation):
            return "已评价：\(words(for: evaluation))"
        case .escalated(let assignment):
            return "已提级办理，由\(unit(assignment.lead))牵头，办理期限至\(lastDayText(of: assignment.deadline))"
        case .closed:
            return "工单已办结"
        case .corrected, .contactReleased:
            return nil
        case .merged:
            return "与同一事项的其他工单合并办理"
        }
    }

    /// `满意，问题已解决`.
    static func words(for evaluation: Evaluation) -> String {
        let verdict: String = switch evaluation.satisfaction {
        case .satisfied: "满意"
        case .basic: "基本满意"
        case .unsatisfied: "不满意"
        case .unreachable: "回访未联系上"
        }
        if evaluation.satisfaction == .unreachable { return verdict }
        return verdict + (evaluation.resolved ? "，问题已解决" : "，问题未解决")
    }

    /// The status in the entity's words.
    public static func words(for status: TicketStatus) -> String {
        switch status {
        case .pendingDispatch: "待分派"
        case .pendingSign: "已分派，待承办单位签收"
        case .handling: "办理中"
        case .pendingReview: "已答复，待审核"
        case .pendingEvaluation: "待您评价"
        case .pendingEscalation: "待提级办理"
        case .closed: "已办结"
        case .merged: "已合并办理"
        }
    }

    /// The category's Chinese name.
    public static func name(of category: TicketCategory) -> String {
        switch category {
        case .consult: "咨询"
        case .help: "求助"
        case .suggestion: "意见建议"
        case .complaint: "投诉"
        case .report: "举报"
        }
    }

    static func name(of source: IntakeSource) -> String {
        switch source {
        case .hotline: "12345热线"
        case .online: "一区通办"
        case .window: "窗口"
        }
    }

    /// `2026年10月16日`: the last day of a deadline that ends at 24:00 China Standard Time.
    public static func lastDayText(of deadline: Date) -> String {
        let day = CivilDate.inChinaStandardTime(deadline.addingTimeInterval(-1))
        return "\(day.year)年\(day.month)月\(day.day)日"
    }
}
