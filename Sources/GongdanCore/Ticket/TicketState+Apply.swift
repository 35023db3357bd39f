import Foundation

extension TicketState {
    /// The state a `created` event makes, or nil for any other event; its limits are computed from `policy`.
    public init?(creation event: TicketEvent, policy: DistrictPolicy = .official) {
        guard case .created(let made) = event.payload else { return nil }
        let intake = DerivedValues.intake(made, at: event.time, policy: policy)
        self.init(intake: intake, createdAt: event.time, createdBy: event.actor, status: .pendingDispatch,
                  lastEventAt: event.time)
        clock = event.clock
        eventCount = 1
        withheld = CorrectableField.allCases.filter(event.withheldFields.contains)
        if intake.immediateAnswer != nil {
            status = .pendingEvaluation
            repliedAt = event.time
            replyAcceptedAt = event.time
        } else if let unit = intake.keptBy {
            status = .handling
            lead = unit
            round = 1
            dispatchedAt = event.time
            signedAt = event.time
            deadline = intake.keptDeadline
        }
        rounds = Self.openingRound(of: self).map { [$0] } ?? []
    }

    /// Applies one event that ``TicketRules`` admitted (its author was allowed to make it as it saw the
    /// ticket). Total: an event the current state does not allow (it raced with another node's work) is
    /// kept in `supersededEvents` instead of changing the state, except where the domain rules say
    /// otherwise (a superseded reply is handed over to the new assignee). Derived values come from `policy`.
    public mutating func apply(_ event: TicketEvent, policy: DistrictPolicy = .official) {
        count(event)
        if applyIfAllowed(event, policy: policy) {
            if startsHandling(event) { handlingStarted = true }
            recordInRounds(event)
        } else {
            supersededEvents.append(event.id)
        }
    }

    /// Keeps an event the table refused in the history without letting it change anything.
    public mutating func ignore(_ event: TicketEvent) {
        count(event)
        refusedEvents.append(event.id)
    }

    private mutating func count(_ event: TicketEvent) {
        clock = clock.merged(with: event.clock)
        eventCount += 1
        lastEventAt = max(lastEventAt, event.time)
    }

    /// The lead's contact, note, extension request, referral or reply: handling has started, so the
    /// ticket can no longer be returned in this round.
    private func startsHandling(_ event: TicketEvent) -> Bool {
        guard actsAsLead(event) else { return false }
        switch event.payload {
        case .contacted, .progressNoted, .extensionRequested, .referred, .replied: return true
        default: return false
        }
    }

    private func actsAsLead(_ event: TicketEvent) -> Bool {
        event.actor.unit != nil && event.actor.unit == lead
    }

    private mutating func applyIfAllowed(_ event: TicketEvent, policy: DistrictPolicy) -> Bool {
        let at = event.time
        switch event.payload {
        case .created:
            return false
        case .dispatched(let assignment):
            handOverReplyIfUnseen(by: event)
            guard status == .pendingDispatch || status.owesReply else { return false }
            if let lastReturn = returns.last, lastReturn.unit == assignment.lead, lead == nil {
                returnsOverruled += 1
            }
            assign(DerivedValues.assignment(lead: assignment.lead, co: assignment.co, category: category, at: at, policy: policy), at: at)
        case .escalated(let assignment):
            handOverReplyIfUnseen(by: event)
            guard !status.isFinal, status != .pendingReview, status != .pendingEvaluation else { return false }
            escalated = true
            assign(DerivedValues.assignment(lead: assignment.lead, co: assignment.co, category: category, at: at, policy: policy), at: at)
        case .signed:
            guard status == .pendingSign, actsAsLead(event) else {
                return event.actor.unit.map { coUnits.contains($0) } ?? false
            }
            status = .handling
            signedAt = at
        case .returned(let reason):
            guard status.owesReply, actsAsLead(event), let unit = event.actor.unit else { return false }
            returns.append(Return(unit: unit, reason: reason, at: at))
            lead = nil
            coUnits = []
            signBy = nil
            deadline = nil
            pendingExtension = nil
            status = .pendingDispatch
        case .contacted:
            guard !status.isFinal, let unit = event.actor.unit, involves(unit: unit) else { return false }
            contactedThisRound = true
        case .progressNoted:
            guard !status.isFinal else { return false }
        case .referred:
            guard status == .handling, actsAsLead(event) else { return false }
            referredToCoordination = true
        case .extensionRequested(let days, let reason):
            guard status == .handling, actsAsLead(event), let unit = event.actor.unit else { return false }
            pendingExtension = ExtensionRequest(unit: unit, days: days, reason: reason, at: at)
        case .extensionDecided(let approved, _, _):
            guard let request = pendingExtension else { return false }
            pendingExtension = nil
            if approved, let current = deadline {
                deadline = DerivedValues.extended(current, by: request.days, policy: policy)
                extensionDaysGranted += request.days
            }
        case .replied(let result, let resolved):
            let unit = event.actor.unit ?? event.actor.node
            let reply = Reply(unit: unit, result: result, resolved: resolved, at: at, event: event.id,
                              clockEntry: event.clock[event.id.origin])
            guard status == .handling, actsAsLead(event) else {
                // DESIGN §5: a reply made by a unit the ticket was concurrently taken from stays in
                // the history and is handed to the new assignee.
                if event.actor.unit != nil, !status.isFinal { handedOverReplies.append(reply) }
                return false
            }
            self.reply = reply
            repliedAt = at
            pendingExtension = nil
            status = .pendingReview
        case .reviewed(let accepted, _):
            guard status == .pendingReview else { return false }
            if accepted {
                replyAcceptedAt = at
                status = .pendingEvaluation
            } else {
                rejectedReplies += 1
                status = .handling
            }
        case .evaluated(let evaluation):
            guard status == .pendingEvaluation else { return false }
            evaluations.append(evaluation)
            evaluate(evaluation, at: at)
        case .closed(let reason):
            guard !status.isFinal else { return false }
            close(.byOffice(reason: reason), at: at)
        case .corrected(let field, let value):
            correct(field, to: value)
            withheld.removeAll { $0 == field }
            if event.withheldFields.contains(field) {
                withheld = CorrectableField.allCases.filter { $0 == field || withheld.contains($0) }
            }
        case .contactReleased(let unit, _):
            guard !contactReleasedTo.contains(unit) else { return false }
            contactReleasedTo.append(unit)
        case .merged(let into):
            guard !status.isFinal else { return false }
            mergedInto = into
            status = .merged
            closedAt = at
        }
        return true
    }

    /// DESIGN §5: the workstation's authority decides assignment. A re-assignment made without
    /// having seen the unit's pending reply (they were concurrent) stands; the reply is handed over.
    private mutating func handOverReplyIfUnseen(by event: TicketEvent) {
        guard status == .pendingReview, let reply, event.clock[reply.event.origin] < reply.clockEntry else { return }
        handedOverReplies.append(reply)
        supersededEvents.append(reply.event)
        self.reply = nil
        repliedAt = nil
        status = .handling
    }

    private mutating func assign(_ assignment: Assignment, at: Date) {
        lead = assignment.lead
        coUnits = assignment.co
        signBy = assignment.signBy
        deadline = assignment.deadline
        dispatchedAt = at
        signedAt = nil
        round += 1
        contactedThisRound = false
        handlingStarted = false
        pendingExtension = nil
        extensionDaysGranted = 0
        reply = nil
        replyAcceptedAt = nil
        status = .pendingSign
    }

    private mutating func evaluate(_ evaluation: Evaluation, at: Date) {
        switch evaluation.satisfaction {
        case .satisfied, .basic:
            close(.satisfied, at: at)
        case .unreachable:
            close(.unreachable, at: at)
        case .unsatisfied:
            unsatisfiedCount += 1
            if !evaluation.reasonable {
                close(.unreasonable, at: at)
            } else {
                // First unsatisfied: second dispatch (二次分办); again: escalate (提级办理).
                status = unsatisfiedCount >= 2 || escalated ? .pendingEscalation : .pendingDispatch
                lead = nil
                coUnits = []
                signBy = nil
                deadline = nil
            }
        }
    }

    private mutating func close(_ closure: Closure, at: Date) {
        self.closure = closure
        closedAt = at
        status = .closed
        signBy = nil
    }

    private mutating func correct(_ field: CorrectableField, to value: String?) {
        switch field {
        case .entityName: if let value { intake.entity.name = value }
        case .creditCode: intake.entity.creditCode = value
        case .contact: intake.entity.contact = value
        case .phone: intake.entity.phone = value
        case .summary: if let value { intake.summary = value }
        case .detail: intake.detail = value
        case .category: if let value, let category = TicketCategory(rawValue: value) { intake.category = category }
        }
    }
}
