import Foundation

/// One row of ``TicketRules``: who may originate an event of one type, in which states, under which
/// further conditions, with which field limits, and which of its values are derived instead of taken
/// from its author.
public struct EventRule: Sendable {
    /// A condition beyond the author and the state, with its identifier and its documentation.
    public struct Condition: Sendable {
        /// The rule identifier a refusal names (`reply.after-contact`).
        public var id: String
        /// One line for `docs/rules.md`.
        public var text: String
        /// Throws the refusal when the condition does not hold for the event on the ticket as its author saw it.
        var check: @Sendable (_ payload: TicketEventPayload, _ state: TicketState?, _ actor: Actor) throws(TicketError) -> Void
        /// Whether the hints leave the action out while the condition fails (it depends on the ticket
        /// only, not on what the command would say).
        var gatesHints = false
    }

    /// The payload type (`signed`), the `type` key on the wire.
    public var type: String
    /// The command that makes the event.
    public var action: TicketAction
    /// Who may originate it; holding any one suffices.
    public var by: [Authority]
    /// The states (as the author saw the ticket) in which it may be made; empty for `created`.
    public var states: [TicketStatus]
    public var conditions: [Condition]
    /// The payload's fields and their limits, for `docs/rules.md`; checked by ``TicketRules/checkFields(_:policy:at:)``.
    public var fields: [String]
    /// Fields computed from the district policy by every replica, never taken from the author.
    public var derived: [String]

    /// A typical payload of the action, to ask the table whether the action is open now.
    static func probe(for action: TicketAction) -> TicketEventPayload? {
        switch action {
        case .sign: .signed
        case .return: .returned(reason: "-")
        case .contact: .contacted(note: "-")
        case .reply: .replied(result: "-", resolved: true)
        case .extend: .extensionRequested(days: 1, reason: "-")
        case .decideExtension: .extensionDecided(approved: true, reason: nil, deadline: nil)
        case .review: .reviewed(accepted: true, reason: nil)
        case .evaluate: .evaluated(Evaluation(satisfaction: .satisfied, resolved: true))
        case .close: .closed(reason: "-")
        case .dispatch: .dispatched(Assignment(lead: "", signBy: .distantPast, deadline: .distantPast))
        case .escalate: .escalated(Assignment(lead: "", signBy: .distantPast, deadline: .distantPast))
        case .releaseContact: .contactReleased(to: "", reason: "-")
        case .progress: .progressNoted(note: "-")
        case .refer: .referred(note: "-")
        case .merge: .merged(into: "")
        case .correct: .corrected(field: .summary, value: "-")
        case .create: nil
        }
    }

    /// The identifier of the rule on the originator.
    public var byRule: String { "\(action.rawValue).by" }
    /// The identifier of the rule on the state.
    public var stateRule: String { "\(action.rawValue).state" }
    /// The identifier of the rule on the fields.
    public var fieldsRule: String { "\(action.rawValue).fields" }
}
