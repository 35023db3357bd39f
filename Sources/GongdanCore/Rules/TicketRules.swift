import Foundation

/// The whole life cycle in one table: for every event type, who may originate it, in which states
/// (as its author saw the ticket), under which further conditions, with which fields and limits, and
/// which values are derived from the district policy instead of taken from the author.
///
/// Every judge of an event reads this table: the node's decider before it records a command, the hub
/// before it stores a push (as of the event's causal past, see ``TicketFold``), the fold on every
/// replica (an event the table refuses changes no state anywhere), the "what can be done next" hints
/// and the refusal texts. `docs/rules.md` is generated from it (`gongdan debug rules`).
public enum TicketRules {
    static let open = TicketStatus.allCases.filter { !$0.isFinal }

    /// The table, in the order of the life cycle.
    public static let table: [EventRule] = [
        EventRule(type: "created", action: .create, by: [.workstation, .intakeUnit], states: [],
                  conditions: [hotlineByWorkstation, hotlineFields, keptByItself, immediateAnswerConsult, ticketCode],
                  fields: ["entity.name ≤ \(TextLimit.name.rawValue)", "entity.contact ≤ \(TextLimit.contact.rawValue)",
                           "entity.phone: digits, spaces, + - ( ), 5–24", "entity.creditCode: 18-character USCC",
                           "summary ≤ \(TextLimit.summary.rawValue)", "detail, immediateAnswer ≤ \(TextLimit.note.rawValue)",
                           "queryCode: absent (derived, 1.4); a legacy one 6 of \(String(TicketCode.queryAlphabet))", "hotlineOrder ≤ 64, printable"],
                  derived: ["intakeDeadline (intake working days from hotlineReceivedAt)", "keptDeadline (category's working days from the intake)"]),
        EventRule(type: "dispatched", action: .dispatch, by: [.workstation], states: [.pendingDispatch, .pendingSign, .handling],
                  conditions: [distinctUnits, changesAssignment], fields: ["lead, co: units of the directory"],
                  derived: ["signBy (signing working days from the dispatch)", "deadline (category's working days from the dispatch)"]),
        EventRule(type: "signed", action: .sign, by: [.lead], states: [.pendingSign], conditions: [], fields: [], derived: []),
        EventRule(type: "returned", action: .return, by: [.lead], states: [.pendingSign, .handling],
                  conditions: [beforeHandling], fields: ["reason ≤ \(TextLimit.note.rawValue)"], derived: []),
        EventRule(type: "contacted", action: .contact, by: [.lead, .coUnit], states: [.handling], conditions: [],
                  fields: ["note ≤ \(TextLimit.note.rawValue)"], derived: []),
        EventRule(type: "progressNoted", action: .progress, by: [.workstation, .lead, .coUnit, .creator], states: open,
                  conditions: [], fields: ["note ≤ \(TextLimit.note.rawValue)"], derived: []),
        EventRule(type: "extensionRequested", action: .extend, by: [.lead], states: [.handling], conditions: [onePending],
                  fields: ["days: 1 to the policy's largest extension", "reason ≤ \(TextLimit.note.rawValue)"], derived: []),
        EventRule(type: "extensionDecided", action: .decideExtension, by: [.workstation], states: open, conditions: [requestPending],
                  fields: ["reason ≤ \(TextLimit.note.rawValue), required to deny"],
                  derived: ["deadline (the request's working days after the current deadline)"]),
        EventRule(type: "referred", action: .refer, by: [.lead], states: [.handling], conditions: [],
                  fields: ["note ≤ \(TextLimit.note.rawValue)"], derived: []),
        EventRule(type: "replied", action: .reply, by: [.lead], states: [.handling], conditions: [afterContact],
                  fields: ["result ≤ \(TextLimit.note.rawValue)"], derived: []),
        EventRule(type: "reviewed", action: .review, by: [.workstation], states: [.pendingReview], conditions: [],
                  fields: ["reason ≤ \(TextLimit.note.rawValue), required to reject"], derived: []),
        EventRule(type: "evaluated", action: .evaluate, by: [.workstation, .entity], states: [.pendingEvaluation],
                  conditions: [evaluationChannel, entityOnlyOnItsOwnReport], fields: ["note ≤ \(TextLimit.note.rawValue)"], derived: []),
        EventRule(type: "escalated", action: .escalate, by: [.workstation],
                  states: [.pendingDispatch, .pendingSign, .handling, .pendingEscalation],
                  conditions: [distinctUnits], fields: ["lead, co: units of the directory"],
                  derived: ["signBy (signing working days from the escalation)", "deadline (category's working days from the escalation)"]),
        EventRule(type: "closed", action: .close, by: [.workstation], states: open, conditions: [escalatedOnly],
                  fields: ["reason ≤ \(TextLimit.note.rawValue)"], derived: []),
        EventRule(type: "corrected", action: .correct, by: [.workstation, .creator], states: TicketStatus.allCases,
                  conditions: [creatorBeforeDispatch],
                  fields: ["value: as the field takes it at intake (category one of the categories, phone, credit code, texts)"], derived: []),
        EventRule(type: "merged", action: .merge, by: [.workstation], states: open, conditions: [anotherTicket],
                  fields: ["into: a ticket code"], derived: []),
        EventRule(type: "contactReleased", action: .releaseContact, by: [.workstation],
                  states: [.pendingSign, .handling, .pendingReview], conditions: [reportOnly, releaseToLead],
                  fields: ["to: the current lead", "reason ≤ \(TextLimit.note.rawValue)"], derived: []),
    ]

    static let byType: [String: EventRule] = Dictionary(uniqueKeysWithValues: table.map { ($0.type, $0) })

    /// The row for an event type.
    public static func rule(for type: String) -> EventRule { byType[type]! }

    /// The row for an action.
    public static func rule(for action: TicketAction) -> EventRule { table.first { $0.action == action }! }

    // MARK: - Judging

    /// Judges an event's payload, made by `actor` at `time` on ticket `ticket`, against the ticket as its
    /// author saw it (`state`; nil before the ticket exists): the author, the state, the conditions and
    /// the fields. Throws the first rule it breaks.
    /// `withheld`: the event's sealed fields whose values the judge does not hold (their limits were
    /// checked where they are read: by the author and the hub).
    public static func check(_ payload: TicketEventPayload, ticket: String, by actor: Actor, on state: TicketState?,
                             at time: Date, policy: DistrictPolicy, withheld: Set<CorrectableField> = []) throws(RuleViolation) {
        let rule = rule(for: payload.type)
        if payload.type != "created" {
            guard let state else { throw RuleViolation("\(rule.action.rawValue).ticket", .unknownTicket(ticket)) }
            let held = Authority.held(by: actor, on: state, for: payload)
            if held.isDisjoint(with: rule.by) { throw RuleViolation(rule.byRule, refusal(rule, actor: actor, state: state)) }
            guard rule.states.contains(state.status) else {
                throw RuleViolation(rule.stateRule, .notAllowed(ticket: state.code, status: state.status, action: rule.action,
                                                                next: state.nextCommands(for: actor.role)))
            }
        } else if Authority.held(by: actor, on: nil, for: payload).isDisjoint(with: rule.by) {
            throw RuleViolation(rule.byRule, .roleForbidden(role: actor.role, action: .create))
        }
        for condition in rule.conditions {
            do { try condition.check(payload, state, actor) } catch { throw RuleViolation(condition.id, error) }
        }
        do { try checkFields(payload, policy: policy, at: time, withheld: withheld) } catch { throw RuleViolation(rule.fieldsRule, error) }
        if case .created(let intake) = payload, intake.code != ticket {
            throw RuleViolation(ticketCode.id, .invalidInput("the intake's code \(intake.code) is not the event's ticket \(ticket)"))
        }
    }

    /// Judges an event against the ticket as its author saw it.
    public static func check(_ event: TicketEvent, on state: TicketState?, policy: DistrictPolicy) throws(RuleViolation) {
        try check(event.payload, ticket: event.ticket, by: event.actor, on: state, at: event.time, policy: policy,
                  withheld: event.withheldFields)
    }

    /// The part of the table that depends on the author's role alone: whether a node of `actor`'s role
    /// may ever originate an event of this payload (the hub checks it before reading any ticket).
    public static func checkRole(_ payload: TicketEventPayload, by actor: Actor) throws(RuleViolation) {
        let rule = rule(for: payload.type)
        let unitMay = !Set(rule.by).isDisjoint(with: [.intakeUnit, .lead, .coUnit, .creator])
        let workstationMay = !Set(rule.by).isDisjoint(with: [.workstation, .entity])
        guard actor.role.isUnit ? unitMay : workstationMay else {
            throw RuleViolation(rule.byRule, .roleForbidden(role: actor.role, action: rule.action))
        }
        do { try hotlineByWorkstation.check(payload, nil, actor) } catch { throw RuleViolation(hotlineByWorkstation.id, error) }
    }

    /// Units named by a dispatch or an escalation must be in the district's directory (checked where the
    /// directory is known: the decider and the hub).
    public static func checkUnits(_ payload: TicketEventPayload, in units: [String: HandlingUnit]) throws(RuleViolation) {
        switch payload {
        case .dispatched(let assignment), .escalated(let assignment):
            for unit in [assignment.lead] + assignment.co where units[unit] == nil {
                throw RuleViolation("\(payload.type == "dispatched" ? "dispatch" : "escalate").units", .unknownUnit(unit))
            }
        default:
            break
        }
    }

    /// Whether the table lets `actor` make an event of `payload` now (the fold's admission test).
    public static func admits(_ event: TicketEvent, on state: TicketState?, policy: DistrictPolicy) -> Bool {
        do { try check(event, on: state, policy: policy); return true } catch { return false }
    }

    /// What `role` may do to the ticket now, by the table: the hints of `ticket show` and of refusals.
    /// A unit is taken to be the lead (co-units and creators see a subset).
    public static func actions(for role: Role, on state: TicketState) -> [TicketAction] {
        let probe = Actor(node: "", role: role, unit: role.isUnit ? (state.lead ?? "") : nil, person: "")
        return actions(by: probe, on: state, among: hinted)
    }

    /// Which of `candidates` `actor` — a real author, with its own unit — may do to the ticket now, by the
    /// table's authorities, states and gating conditions: the forms the desk offers.
    public static func actions(by actor: Actor, on state: TicketState, among candidates: [TicketAction]) -> [TicketAction] {
        candidates.filter { action in
            let rule = rule(for: action)
            guard rule.states.contains(state.status), let payload = EventRule.probe(for: action) else { return false }
            guard !Authority.held(by: actor, on: state, for: payload).isDisjoint(with: rule.by) else { return false }
            for condition in rule.conditions where condition.gatesHints {
                do { try condition.check(payload, state, actor) } catch { return false }
            }
            return true
        }
    }

    /// The actions the hints offer, in the order they are shown (notes, corrections, referrals and
    /// merges are always possible and not repeated in every hint).
    static let hinted: [TicketAction] = [.decideExtension, .dispatch, .escalate, .review, .evaluate, .close,
                                         .sign, .contact, .reply, .extend, .return, .releaseContact]

    /// The refusal for an author who holds none of the rule's authorities.
    static func refusal(_ rule: EventRule, actor: Actor, state: TicketState) -> TicketError {
        let unitMay = !Set(rule.by).isDisjoint(with: [.lead, .coUnit, .creator])
        if actor.role.isUnit, unitMay, rule.action != .correct, let unit = actor.unit {
            return .notAssignee(ticket: state.code, unit: unit, lead: state.lead, action: rule.action)
        }
        return .roleForbidden(role: actor.role, action: rule.action)
    }
}
