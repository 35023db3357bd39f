import Foundation

/// The life-cycle rules: given a ticket's state and a command, the event payload to record, or
/// the reason it is refused. Pure; deadlines come from the context's calendar, so an event carries
/// the deadline its origin computed and every replica folds to the same state.
public enum TicketDecider {
    /// Decides a command on an existing ticket.
    public static func decide(_ command: TicketCommand, on state: TicketState,
                              in context: DecisionContext) throws(TicketError) -> TicketEventPayload {
        let action = command.action
        let actor = context.actor
        try authorize(action, on: state, by: actor)

        switch command {
        case .dispatch(let lead, let co):
            try require(state, action, in: [.pendingDispatch, .pendingSign, .handling], role: actor.role)
            if state.status != .pendingDispatch, state.lead == lead, state.coUnits == co {
                throw .invalidInput("ticket \(state.code) is already assigned to \(lead); to change who leads, name another unit with --to")
            }
            return .dispatched(try assignment(lead: lead, co: co, for: state, in: context))
        case .escalate(let lead, let co):
            try require(state, action, in: [.pendingDispatch, .pendingSign, .handling, .pendingEscalation], role: actor.role)
            return .escalated(try assignment(lead: lead, co: co, for: state, in: context))
        case .sign:
            try require(state, action, in: [.pendingSign], role: actor.role)
            try requireLead(state, action, actor)
            return .signed
        case .returnTicket(let reason):
            try require(state, action, in: [.pendingSign, .handling], role: actor.role)
            try requireLead(state, action, actor)
            return .returned(reason: try text(reason, "--reason", "why the ticket is not this unit's to handle"))
        case .contact(let note):
            try require(state, action, in: [.handling], role: actor.role)
            if let unit = actor.unit, !state.involves(unit: unit) {
                throw .notAssignee(ticket: state.code, unit: unit, lead: state.lead, action: action)
            }
            return .contacted(note: try text(note, "--note", "how and when the entity was contacted"))
        case .progress(let note):
            try require(state, action, in: TicketStatus.allCases.filter { !$0.isFinal }, role: actor.role)
            if let unit = actor.unit, !state.involves(unit: unit), state.createdBy.unit != unit {
                throw .notAssignee(ticket: state.code, unit: unit, lead: state.lead, action: action)
            }
            return .progressNoted(note: try text(note, "--note", "what was done"))
        case .requestExtension(let days, let reason):
            try require(state, action, in: [.handling], role: actor.role)
            try requireLead(state, action, actor)
            if state.pendingExtension != nil {
                throw .notAllowed(ticket: state.code, status: state.status, action: action,
                                  next: ["wait for the workstation's decision on the pending extension request"])
            }
            guard (1...context.policy.maxExtensionDays).contains(days) else {
                throw .invalidInput("--days \(days) is out of range: ask for 1 to \(context.policy.maxExtensionDays) working days")
            }
            return .extensionRequested(days: days, reason: try text(reason, "--reason", "why more time is needed"))
        case .decideExtension(let approve, let reason):
            guard let request = state.pendingExtension else {
                throw .notAllowed(ticket: state.code, status: state.status, action: action,
                                  next: ["no extension request is pending; a unit asks with " + TicketAction.extend.command(for: state.code)])
            }
            if !approve { _ = try text(reason ?? "", "--reason", "why the extension is denied") }
            guard approve, let deadline = state.deadline else {
                return .extensionDecided(approved: false, reason: reason, deadline: nil)
            }
            let lastDay = CivilDate.inChinaStandardTime(deadline.addingTimeInterval(-1))
            let extended = context.calendar.workingDay(request.days, after: lastDay).endInChinaStandardTime
            return .extensionDecided(approved: true, reason: reason, deadline: extended)
        case .refer(let note):
            try require(state, action, in: [.handling], role: actor.role)
            try requireLead(state, action, actor)
            return .referred(note: try text(note, "--note", "what the coordination group should resolve"))
        case .reply(let result, let resolved):
            try require(state, action, in: [.handling], role: actor.role)
            try requireLead(state, action, actor)
            guard state.contactedThisRound else {
                throw .notAllowed(ticket: state.code, status: state.status, action: action,
                                  next: ["a reply is standard only after a recorded contact: " + TicketAction.contact.command(for: state.code)])
            }
            return .replied(result: try text(result, "--result", "what was done and the outcome"), resolved: resolved)
        case .review(let accept, let reason):
            try require(state, action, in: [.pendingReview], role: actor.role)
            if !accept { _ = try text(reason ?? "", "--reason", "why the reply is not standard") }
            return .reviewed(accepted: accept, reason: reason)
        case .evaluate(let evaluation):
            try require(state, action, in: [.pendingEvaluation], role: actor.role)
            return .evaluated(evaluation)
        case .close(let reason):
            guard state.status == .pendingEscalation || (state.escalated && !state.status.isFinal) else {
                throw .notAllowed(ticket: state.code, status: state.status, action: action,
                                  next: ["the office closes only escalated tickets; others close by evaluation"] + state.nextCommands(for: actor.role))
            }
            return .closed(reason: try text(reason, "--reason", "why the office closes the ticket"))
        case .correct(let field, let value):
            let value = value?.trimmingCharacters(in: .whitespacesAndNewlines)
            switch field {
            case .entityName, .summary:
                _ = try text(value ?? "", "--value", "the corrected \(field.rawValue)")
            case .category:
                guard let value, TicketCategory(rawValue: value) != nil else {
                    throw .invalidInput("--value '\(value ?? "")' is not a category: use one of \(TicketCategory.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            case .creditCode:
                if let value, !value.isEmpty { try CreditCode.validate(value) }
            case .contact, .phone, .detail:
                break
            }
            return .corrected(field: field, value: value?.isEmpty == true ? nil : value)
        case .merge(let target):
            try require(state, action, in: TicketStatus.allCases.filter { !$0.isFinal }, role: actor.role)
            guard target != state.code else {
                throw .invalidInput("a ticket cannot be merged into itself: give the code of the ticket it duplicates with --into")
            }
            return .merged(into: target)
        }
    }

    // MARK: - Rules shared by several commands

    /// Roles: only the workstation dispatches, decides extensions, reviews, evaluates, escalates,
    /// closes, corrects and merges; only units sign, return, ask for extensions, refer and reply.
    static func authorize(_ action: TicketAction, on state: TicketState, by actor: Actor) throws(TicketError) {
        switch action {
        case .dispatch, .decideExtension, .review, .evaluate, .escalate, .close, .merge:
            guard actor.role == .workstation else { throw .roleForbidden(role: actor.role, action: action) }
        case .sign, .return, .extend, .refer, .reply:
            guard actor.role.isUnit else { throw .roleForbidden(role: actor.role, action: action) }
        case .correct:
            guard actor.role == .workstation || (actor.unit != nil && actor.unit == state.createdBy.unit && state.round == 0)
            else { throw .roleForbidden(role: actor.role, action: action) }
        case .contact, .progress, .create:
            break
        }
    }

    static func require(_ state: TicketState, _ action: TicketAction, in allowed: [TicketStatus],
                        role: Role) throws(TicketError) {
        guard allowed.contains(state.status) else {
            throw .notAllowed(ticket: state.code, status: state.status, action: action,
                              next: state.nextCommands(for: role))
        }
    }

    static func requireLead(_ state: TicketState, _ action: TicketAction, _ actor: Actor) throws(TicketError) {
        guard let unit = actor.unit, unit == state.lead else {
            throw .notAssignee(ticket: state.code, unit: actor.unit ?? actor.node, lead: state.lead, action: action)
        }
    }

    static func assignment(lead: String, co: [String], for state: TicketState,
                           in context: DecisionContext) throws(TicketError) -> Assignment {
        for unit in [lead] + co where context.units[unit] == nil { throw .unknownUnit(unit) }
        guard !co.contains(lead) else {
            throw .invalidInput("unit \(lead) cannot be both the lead and a co-unit; drop it from --co")
        }
        guard Set(co).count == co.count else {
            throw .invalidInput("a co-unit is named twice in --co; name each unit once")
        }
        let signBy = context.calendar.deadline(workingDays: context.policy.signingWorkingDays, from: context.now)
        let deadline = context.calendar.deadline(workingDays: state.category.handlingWorkingDays, from: context.now)
        return Assignment(lead: lead, co: co, signBy: signBy, deadline: deadline)
    }

    /// The trimmed text, or a refusal naming the flag and what it should say.
    static func text(_ value: String, _ flag: String, _ what: String) throws(TicketError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidInput("\(flag) is empty: say \(what)") }
        guard trimmed.count <= 4000 else {
            throw .invalidInput("\(flag) is \(trimmed.count) characters long: keep it under 4000 and put documents elsewhere")
        }
        return trimmed
    }
}
