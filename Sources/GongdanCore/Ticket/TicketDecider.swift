import Foundation

/// Turns a command into the event payload to record, or refuses it by ``TicketRules``. Pure; the
/// derived values it writes into the event (deadlines, limits) come from the context's district policy
/// — what the author saw; every replica's fold computes them again from its own copy of the policy.
public enum TicketDecider {
    /// Decides a command on an existing ticket.
    public static func decide(_ command: TicketCommand, on state: TicketState,
                              in context: DecisionContext) throws(TicketError) -> TicketEventPayload {
        let payload = self.payload(for: command, on: state, in: context)
        do {
            try TicketRules.check(payload, ticket: state.code, by: context.actor, on: state, at: context.now,
                                  policy: context.district)
            try TicketRules.checkUnits(payload, in: context.units)
        } catch {
            throw error.error
        }
        return payload
    }

    /// The payload a command asks for, its texts trimmed and its derived values computed; the table
    /// judges it.
    static func payload(for command: TicketCommand, on state: TicketState, in context: DecisionContext) -> TicketEventPayload {
        switch command {
        case .dispatch(let lead, let co):
            return .dispatched(DerivedValues.assignment(lead: lead, co: co, category: state.category, at: context.now,
                                                        policy: context.district))
        case .escalate(let lead, let co):
            return .escalated(DerivedValues.assignment(lead: lead, co: co, category: state.category, at: context.now,
                                                       policy: context.district))
        case .sign:
            return .signed
        case .returnTicket(let reason):
            return .returned(reason: trimmed(reason))
        case .contact(let note):
            return .contacted(note: trimmed(note))
        case .progress(let note):
            return .progressNoted(note: trimmed(note))
        case .requestExtension(let days, let reason):
            return .extensionRequested(days: days, reason: trimmed(reason))
        case .decideExtension(let approve, let reason):
            var extended: Date?
            if approve, let request = state.pendingExtension, let deadline = state.deadline {
                extended = DerivedValues.extended(deadline, by: request.days, policy: context.district)
            }
            return .extensionDecided(approved: approve, reason: reason.flatMap(nonEmpty), deadline: extended)
        case .refer(let note):
            return .referred(note: trimmed(note))
        case .reply(let result, let resolved):
            return .replied(result: trimmed(result), resolved: resolved)
        case .review(let accept, let reason):
            return .reviewed(accepted: accept, reason: reason.flatMap(nonEmpty))
        case .evaluate(var evaluation):
            evaluation.note = evaluation.note.flatMap(nonEmpty)
            return .evaluated(evaluation)
        case .close(let reason):
            return .closed(reason: trimmed(reason))
        case .correct(let field, let value):
            var value = value.flatMap(nonEmpty)
            if field == .creditCode { value = value?.uppercased() }
            return .corrected(field: field, value: value)
        case .merge(let target):
            return .merged(into: TicketCode.normalized(target))
        case .releaseContact(let reason):
            return .contactReleased(to: state.lead ?? "", reason: trimmed(reason))
        }
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func nonEmpty(_ value: String) -> String? {
        let trimmed = trimmed(value)
        return trimmed.isEmpty ? nil : trimmed
    }
}
