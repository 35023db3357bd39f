import Foundation

/// The conditions of ``TicketRules/table`` beyond the author and the state, each with the identifier a
/// refusal names.
extension TicketRules {
    static let ticketCode = EventRule.Condition(
        id: "create.code", text: "the ticket's code is `NODE-YY-NNNN`, NODE being the creating node's own code"
    ) { payload, _, actor throws(TicketError) in
        guard case .created(let intake) = payload else { return }
        guard TicketCode.isWellFormed(intake.code, node: actor.node) else {
            throw .invalidInput("ticket code \(intake.code) is not \(actor.node)-YY-NNNN: a node numbers only its own tickets")
        }
    }

    static let hotlineByWorkstation = EventRule.Condition(
        id: "create.hotline-by-workstation", text: "only the workstation (or the hub's 12345 intake) takes in hotline tickets"
    ) { payload, _, actor throws(TicketError) in
        guard case .created(let intake) = payload, intake.source == .hotline, actor.role.isUnit else { return }
        throw .invalidInput("only the workstation takes in 12345 hotline tickets; a township or department records walk-ins with --source window")
    }

    static let hotlineFields = EventRule.Condition(
        id: "create.hotline-fields", text: "a hotline ticket says when 12345 received it; other sources carry no hotline fields"
    ) { payload, _, _ throws(TicketError) in
        guard case .created(let intake) = payload else { return }
        if intake.source == .hotline, intake.hotlineReceivedAt == nil {
            throw .invalidInput("a hotline ticket needs --hotline-received-at TIME (when 12345 received the call, ISO 8601) for the 1-working-day intake limit")
        }
        if intake.source != .hotline, intake.hotlineReceivedAt != nil || intake.hotlineOrder != nil {
            throw .invalidInput("--hotline-received-at and --hotline-order belong to hotline tickets: drop them or use --source hotline")
        }
    }

    static let keptByItself = EventRule.Condition(
        id: "create.kept-by-itself", text: "a unit keeps only its own walk-in, for itself, and not one answered at once"
    ) { payload, _, actor throws(TicketError) in
        guard case .created(let intake) = payload, let kept = intake.keptBy else { return }
        guard actor.role.isUnit, kept == actor.unit else {
            throw .invalidInput("ticket \(intake.code) is kept by \(kept), but only the unit taking in a walk-in may keep it, for itself; the workstation dispatches with `gongdan ticket dispatch`")
        }
        guard intake.immediateAnswer == nil else {
            throw .invalidInput("a consultation answered at once is not kept for handling; drop --keep or --answer")
        }
    }

    static let immediateAnswerConsult = EventRule.Condition(
        id: "create.immediate-answer", text: "only a consultation is answered at intake"
    ) { payload, _, _ throws(TicketError) in
        guard case .created(let intake) = payload, intake.immediateAnswer != nil, intake.category != .consult else { return }
        throw .invalidInput("only a consultation can be answered at intake; drop --answer or use --category consult")
    }

    static let distinctUnits = EventRule.Condition(
        id: "assignment.units", text: "the lead is not also a co-unit, and no co-unit is named twice"
    ) { payload, _, _ throws(TicketError) in
        let assignment: Assignment
        switch payload {
        case .dispatched(let made), .escalated(let made): assignment = made
        default: return
        }
        guard !assignment.co.contains(assignment.lead) else {
            throw .invalidInput("unit \(assignment.lead) cannot be both the lead and a co-unit; drop it from --co")
        }
        guard Set(assignment.co).count == assignment.co.count else {
            throw .invalidInput("a co-unit is named twice in --co; name each unit once")
        }
    }

    static let changesAssignment = EventRule.Condition(
        id: "dispatch.changes-assignment", text: "a dispatch of an assigned ticket changes who handles it"
    ) { payload, state, _ throws(TicketError) in
        guard case .dispatched(let assignment) = payload, let state, state.status != .pendingDispatch,
              state.lead == assignment.lead, state.coUnits == assignment.co else { return }
        throw .invalidInput("ticket \(state.code) is already assigned to \(assignment.lead); to change who leads, name another unit with --to")
    }

    static let beforeHandling = EventRule.Condition(
        id: "return.before-handling",
        text: "a return (退回) comes before handling starts: before the round's first contact, progress note, extension request, referral or reply",
        check: { _, state, _ throws(TicketError) in
            guard let state, state.handlingStarted else { return }
            throw .notAllowed(ticket: state.code, status: state.status, action: .return,
                              next: ["handling has started, so the ticket is this unit's to finish: reply with the outcome (" + TicketAction.reply.command(for: state.code)
                                     + "), ask for more time (" + TicketAction.extend.command(for: state.code)
                                     + ") or refer it to the coordination group (" + TicketAction.refer.command(for: state.code) + ")"])
        }, gatesHints: true)

    static let onePending = EventRule.Condition(
        id: "extend.one-pending", text: "one extension request at a time",
        check: { _, state, _ throws(TicketError) in
            guard let state, state.pendingExtension != nil else { return }
            throw .notAllowed(ticket: state.code, status: state.status, action: .extend,
                              next: ["wait for the workstation's decision on the pending extension request"])
        }, gatesHints: true)

    static let requestPending = EventRule.Condition(
        id: "decide-extension.pending", text: "an extension request is pending",
        check: { _, state, _ throws(TicketError) in
            guard let state, state.pendingExtension == nil else { return }
            throw .notAllowed(ticket: state.code, status: state.status, action: .decideExtension,
                              next: ["no extension request is pending; a unit asks with " + TicketAction.extend.command(for: state.code)])
        }, gatesHints: true)

    static let reportOnly = EventRule.Condition(
        id: "release.report-only",
        text: "only a report's (举报) reporter is withheld from its lead; on other tickets the handling units read the contact already",
        check: { _, state, _ throws(TicketError) in
            guard let state, state.category != .report else { return }
            throw .notAllowed(ticket: state.code, status: state.status, action: .releaseContact,
                              next: ["ticket \(state.code) is not a report: its lead and co-units already read the entity's contact"])
        }, gatesHints: true)

    static let releaseToLead = EventRule.Condition(
        id: "release.to-lead", text: "released to the current lead, once"
    ) { payload, state, _ throws(TicketError) in
        guard case .contactReleased(let unit, _) = payload, let state else { return }
        guard let lead = state.lead, unit == lead else {
            throw .invalidInput("ticket \(state.code)'s reporter can be released only to its current lead (\(state.lead ?? "none yet: dispatch it first")), not to \(unit.isEmpty ? "no unit" : unit)")
        }
        guard !state.contactReleasedTo.contains(unit) else {
            throw .notAllowed(ticket: state.code, status: state.status, action: .releaseContact,
                              next: ["the reporter was already released to \(unit)"])
        }
    }

    static let afterContact = EventRule.Condition(
        id: "reply.after-contact", text: "a reply is standard only after the lead recorded a contact with the entity in this round",
        check: { _, state, _ throws(TicketError) in
            guard let state, !state.contactedThisRound else { return }
            throw .notAllowed(ticket: state.code, status: state.status, action: .reply,
                              next: ["a reply is standard only after a recorded contact: " + TicketAction.contact.command(for: state.code)])
        }, gatesHints: true)

    static let evaluationChannel = EventRule.Condition(
        id: "evaluate.channel", text: "the workstation records revisits; only the hub's public page records the entity's own evaluation"
    ) { payload, _, actor throws(TicketError) in
        guard case .evaluated(let evaluation) = payload else { return }
        guard (evaluation.channel == .publicPage) == (actor.node == Authority.hubOrigin) else {
            throw .invalidInput("an evaluation on the public page is recorded only by the hub's page itself; the workstation records its revisit with channel revisit")
        }
    }

    static let entityOnlyOnItsOwnReport = EventRule.Condition(
        id: "evaluate.public-page-ticket",
        text: "the public page evaluates only tickets the workstation or the hub took in (a unit knows the query code of its own walk-ins; those are evaluated by the workstation's revisit)"
    ) { payload, state, _ throws(TicketError) in
        guard case .evaluated(let evaluation) = payload, evaluation.channel == .publicPage, let state,
              state.createdBy.role.isUnit else { return }
        throw .invalidInput("ticket \(state.code) was taken in by \(state.createdBy.unit ?? state.createdBy.node), which knows its query code: the workstation collects its evaluation by revisit (回访)")
    }

    static let escalatedOnly = EventRule.Condition(
        id: "close.escalated-only", text: "the office closes only escalated tickets; others close by evaluation",
        check: { _, state, _ throws(TicketError) in
            // No hints here: the hints ask this very condition (see `TicketRules.actions`).
            guard let state, !(state.status == .pendingEscalation || state.escalated) else { return }
            throw .notAllowed(ticket: state.code, status: state.status, action: .close,
                              next: ["the office closes only escalated tickets; others close by evaluation"])
        }, gatesHints: true)

    static let creatorBeforeDispatch = EventRule.Condition(
        id: "correct.creator-before-dispatch",
        text: "a unit corrects only a ticket it took in, before it is first dispatched; the workstation corrects any",
        check: { _, state, actor throws(TicketError) in
            guard actor.role.isUnit, let state, state.status != .pendingDispatch || state.round != 0 else { return }
            throw .roleForbidden(role: actor.role, action: .correct)
        }, gatesHints: true)

    static let anotherTicket = EventRule.Condition(
        id: "merge.other-ticket", text: "a ticket is merged into another ticket"
    ) { payload, state, _ throws(TicketError) in
        guard case .merged(let into) = payload, let state, into == state.code else { return }
        throw .invalidInput("a ticket cannot be merged into itself: give the code of the ticket it duplicates with --into")
    }
}
