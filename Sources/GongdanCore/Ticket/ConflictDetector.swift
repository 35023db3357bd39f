import Foundation

/// Finds the conflicts in a ticket's history that the hub records in its conflict queue
/// (DESIGN §5, `sync-protocol/README.md` §6). Pure: the same events always give the same conflicts
/// with the same keys, so detecting again after every push records nothing twice.
///
/// ```swift
/// let state = TicketFold.fold(events)!
/// for conflict in ConflictDetector.detect(events: events, state: state) { print(conflict.summary) }
/// ```
public enum ConflictDetector {
    /// Two intakes further apart than this are not flagged as duplicates.
    public static let duplicateWindow: TimeInterval = 7 * 86_400

    /// The assignment and correction conflicts in one ticket's history.
    ///
    /// - `assignment` / `handedOverReply`: a unit's events that the fold superseded because the
    ///   workstation concurrently (re-)assigned the ticket; one conflict per unit and assignment,
    ///   `handedOverReply` when one of them is a reply handed over to the new assignee. Also the
    ///   reverse: a workstation assignment that arrived too late to apply (the unit had already
    ///   replied concurrently) is an `assignment` conflict the operator should look at.
    /// - `concurrentCorrection`: every pair of concurrent corrections of one field; the later in
    ///   the fold's order (hybrid clock, origin, seq) won.
    /// - `concurrentEvaluation`: an evaluation the fold set aside because a concurrent one was applied
    ///   first (the entity's on the public page and the workstation's revisit, say).
    public static func detect(events: [TicketEvent], state: TicketState) -> [DetectedConflict] {
        let ordered = TicketFold.causalOrder(events)
        return assignmentConflicts(ordered, state: state) + correctionConflicts(ordered, state: state)
            + evaluationConflicts(ordered, state: state)
    }

    /// The duplicate-intake conflicts between `ticket` and `candidates`: the same entity (the same
    /// credit code when both have one, else the same name), taken in within ``duplicateWindow`` of
    /// each other, with alike summaries (``MatterSimilarity``). Merged candidates and the ticket
    /// itself are skipped. Each conflict is recorded on the newer ticket.
    public static func duplicateIntakes(of ticket: IntakeRecord, among candidates: [IntakeRecord]) -> [DetectedConflict] {
        candidates.compactMap { other in
            guard other.code != ticket.code, !other.merged, !ticket.merged,
                  abs(other.createdAt.timeIntervalSince(ticket.createdAt)) <= duplicateWindow,
                  sameEntity(ticket, other)
            else { return nil }
            let score = MatterSimilarity.score(ticket.summary, other.summary)
            guard score >= MatterSimilarity.threshold else { return nil }
            let (older, newer) = (other.createdAt, other.code) < (ticket.createdAt, ticket.code) ? (other, ticket) : (ticket, other)
            let percent = Int((score * 100).rounded())
            return DetectedConflict(
                kind: .duplicateIntake, ticket: newer.code, events: [older.createdEvent, newer.createdEvent],
                summary: "\(newer.code) looks like a duplicate of \(older.code): same entity \(older.entityName), similar matter (\(percent)% alike)",
                decision: "flagged only: both tickets go on; override to merge \(newer.code) into \(older.code), or confirm to keep both",
                key: "duplicateIntake|\(older.code)|\(newer.code)")
        }
    }

    // MARK: - Assignment

    private static func isAssignment(_ event: TicketEvent) -> Bool {
        guard event.actor.role == .workstation else { return false }
        switch event.payload {
        case .dispatched, .escalated: return true
        default: return false
        }
    }

    private static func lead(of event: TicketEvent) -> String {
        switch event.payload {
        case .dispatched(let assignment), .escalated(let assignment): assignment.lead
        default: "?"
        }
    }

    private static func assignmentConflicts(_ ordered: [TicketEvent], state: TicketState) -> [DetectedConflict] {
        let superseded = Set(state.supersededEvents)
        let handedOver = Set(state.handedOverReplies.map(\.event))
        let assignments = ordered.filter(isAssignment)
        var conflicts: [DetectedConflict] = []

        // A unit's events superseded by a concurrent assignment, grouped by (assignment, unit).
        var groups: [(assignment: TicketEvent, unit: String, events: [TicketEvent])] = []
        for event in ordered where superseded.contains(event.id) && event.actor.role.isUnit {
            guard let unit = event.actor.unit,
                  let assignment = assignments.first(where: { $0.clock.compare(event.clock) == .concurrent })
            else { continue }
            if let index = groups.firstIndex(where: { $0.assignment.id == assignment.id && $0.unit == unit }) {
                groups[index].events.append(event)
            } else {
                groups.append((assignment, unit, [event]))
            }
        }
        for group in groups {
            let newLead = lead(of: group.assignment)
            let reply = group.events.contains { handedOver.contains($0.id) }
            let what = group.events.map { "\($0.payload.type) \($0.id)" }.joined(separator: ", ")
            let verb = group.assignment.payload.type
            conflicts.append(DetectedConflict(
                kind: reply ? .handedOverReply : .assignment, ticket: state.code,
                events: group.events.map(\.id) + [group.assignment.id],
                summary: "\(group.unit) worked on the ticket (\(what)) while \(group.assignment.actor.node) concurrently \(verb) it to \(newLead) (\(group.assignment.id))",
                decision: reply
                    ? "the workstation's assignment stands: \(newLead) leads; \(group.unit)'s reply is kept and handed over to \(newLead). Override with --lead UNIT to assign the ticket otherwise"
                    : "the workstation's assignment stands: \(newLead) leads; \(group.unit)'s events stay in the history, superseded. Override with --lead UNIT to assign the ticket otherwise",
                key: "assignment|\(state.code)|\(group.assignment.id)|\(group.unit)"))
        }

        // An assignment the fold could not apply because units had concurrently moved the ticket on.
        for assignment in assignments where superseded.contains(assignment.id) {
            let concurrent = ordered.filter {
                $0.actor.role.isUnit && !superseded.contains($0.id) && $0.clock.compare(assignment.clock) == .concurrent
            }
            guard !concurrent.isEmpty else { continue }
            let units = Array(Set(concurrent.compactMap(\.actor.unit))).sorted().joined(separator: ", ")
            let newLead = lead(of: assignment)
            conflicts.append(DetectedConflict(
                kind: .assignment, ticket: state.code, events: concurrent.map(\.id) + [assignment.id],
                summary: "\(assignment.actor.node)'s \(assignment.payload.type) to \(newLead) (\(assignment.id)) came concurrently with \(units)'s work and could not apply (status \(state.status.rawValue))",
                decision: "\(units)'s work stands (lead \(state.lead ?? "none")); override with --lead \(newLead) to re-assign the ticket as the workstation intended",
                key: "assignment|\(state.code)|\(assignment.id)|superseded"))
        }
        return conflicts
    }

    // MARK: - Corrections

    private static func correctionConflicts(_ ordered: [TicketEvent], state: TicketState) -> [DetectedConflict] {
        let corrections = ordered.compactMap { event -> (event: TicketEvent, field: CorrectableField, value: String?)? in
            guard case .corrected(let field, let value) = event.payload else { return nil }
            return (event, field, value)
        }
        var conflicts: [DetectedConflict] = []
        for (i, first) in corrections.enumerated() {
            for second in corrections[(i + 1)...]
            where second.field == first.field && first.event.clock.compare(second.event.clock) == .concurrent {
                // `ordered` is the fold's order: the later one was applied last and won.
                let winner = second
                let ids = [first.event.id, second.event.id].sorted()
                // A conflict's texts reach the nodes that raised it: a sealed value stays out of them (docs/privacy.md).
                let sealed = ContactPrivacy.sealable(on: state.category).contains(first.field)
                func shown(_ value: String?) -> String { sealed ? "(sealed: see ticket show)" : "'\(value ?? "")'" }
                conflicts.append(DetectedConflict(
                    kind: .concurrentCorrection, ticket: state.code, events: [first.event.id, second.event.id],
                    summary: "\(first.event.id) and \(second.event.id) corrected \(first.field.rawValue) concurrently: \(shown(first.value)) and \(shown(second.value))",
                    decision: "the later hybrid clock wins: \(first.field.rawValue) = \(shown(winner.value)) (\(winner.event.id)); override with --value TEXT to set it otherwise",
                    key: "concurrentCorrection|\(state.code)|\(ids[0])|\(ids[1])"))
            }
        }
        return conflicts
    }

    // MARK: - Evaluations

    private static func evaluationConflicts(_ ordered: [TicketEvent], state: TicketState) -> [DetectedConflict] {
        let superseded = Set(state.supersededEvents)
        let evaluations = ordered.compactMap { event -> (event: TicketEvent, evaluation: Evaluation)? in
            guard case .evaluated(let evaluation) = event.payload else { return nil }
            return (event, evaluation)
        }
        var conflicts: [DetectedConflict] = []
        for aside in evaluations where superseded.contains(aside.event.id) {
            guard let standing = evaluations.first(where: { !superseded.contains($0.event.id)
                && $0.event.clock.compare(aside.event.clock) == .concurrent }) else { continue }
            conflicts.append(DetectedConflict(
                kind: .concurrentEvaluation, ticket: state.code, events: [standing.event.id, aside.event.id],
                summary: "\(aside.event.id) (\(aside.evaluation.channel.rawValue), \(aside.evaluation.satisfaction.rawValue)) evaluated without seeing \(standing.event.id) (\(standing.evaluation.channel.rawValue), \(standing.evaluation.satisfaction.rawValue))",
                decision: "the first evaluation in the fold's order stands (\(standing.event.id)); \(aside.event.id) stays in the history, set aside — confirm, and call the entity back if the two disagree",
                key: "concurrentEvaluation|\(state.code)|\(standing.event.id)|\(aside.event.id)"))
        }
        return conflicts
    }

    private static func sameEntity(_ a: IntakeRecord, _ b: IntakeRecord) -> Bool {
        sameEntity(name: a.entityName, creditCode: a.creditCode, asName: b.entityName, creditCode: b.creditCode)
    }

    /// Whether two reports come from the same entity: the same credit code when both have one,
    /// else the same name (trimmed, case folded).
    public static func sameEntity(name: String, creditCode: String?, asName otherName: String, creditCode otherCode: String?) -> Bool {
        func clean(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespaces).uppercased(), !text.isEmpty else { return nil }
            return text
        }
        if let left = clean(creditCode), let right = clean(otherCode) { return left == right }
        guard let left = clean(name), let right = clean(otherName) else { return false }
        return left == right
    }
}
