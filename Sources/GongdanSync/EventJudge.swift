import Foundation
import GongdanCore

/// The hub's re-decision of the events it did not make: each is judged by ``TicketRules`` against the
/// ticket as its author saw it — the fold of the events its vector clock says it had seen — so honest
/// offline work that met a concurrent workstation decision is accepted (the conflict rules handle it),
/// while an event that was illegal even in its author's own view is refused. Pure: the hub supplies
/// the ticket's events it holds.
public struct EventJudge: Sendable {
    public var policy: DistrictPolicy
    /// Whether events must seal what ``ContactPrivacy`` asks (pushes from 1.5 on; older events carry
    /// contact details in the clear).
    public var requireSeals = false

    /// Only the workstation dispatches, and a workstation may add a unit to its own directory before the
    /// hub's has it: the units a dispatch names are checked by the workstation's decider, not here.
    public init(policy: DistrictPolicy, requireSeals: Bool = false) {
        self.policy = policy
        self.requireSeals = requireSeals
    }

    /// Judges `fresh`, the new events of one ticket, against `held`, the ticket's events the hub holds.
    /// Throws `causal_past_unknown` when an event saw events the hub does not hold (they reach it when
    /// their origin syncs), and `rule_violation` naming the first rule an event breaks.
    public func judge(ticket: String, held: [TicketEvent], fresh: [TicketEvent]) throws(SyncError) {
        guard !fresh.isEmpty else { return }
        let all = held + fresh
        try checkCausalPast(ticket: ticket, all: all, fresh: fresh)
        let freshIDs = Set(fresh.map(\.id))
        var violation: (TicketEvent, RuleViolation)?
        let state = TicketFold.fold(all, policy: policy) { event, broken in
            if violation == nil, freshIDs.contains(event.id) { violation = (event, broken) }
        }
        if let (event, broken) = violation { throw Self.refusal(event, broken) }
        if requireSeals {
            for event in fresh {
                let needed = ContactPrivacy.fieldsToSeal(in: event, category: state?.category)
                guard needed.isSubset(of: event.sealedFields) else {
                    let clear = needed.subtracting(event.sealedFields).map(\.rawValue).sorted().joined(separator: ", ")
                    throw PushValidator.violation(event, "privacy.sealed", "it carries \(clear) in the clear; from protocol \(ProtocolVersion.sealedContacts) contact details are sealed (docs/privacy.md)")
                }
            }
        }
        if state == nil, let first = fresh.first {
            throw SyncError(.causalPastUnknown, "event \(first.id) acts on ticket \(ticket), which the hub does not hold; it reaches the hub when the node that created it syncs — sync again later")
        }
    }

    /// Every event's clock must count only events the hub holds, and exactly its origin's earlier ones.
    func checkCausalPast(ticket: String, all: [TicketEvent], fresh: [TicketEvent]) throws(SyncError) {
        var seqs: [String: [Int64]] = [:]
        for event in all { seqs[event.id.origin, default: []].append(event.id.seq) }
        for event in fresh {
            for (node, count) in event.clock.counts {
                let held = seqs[node, default: []]
                if node == event.id.origin {
                    let earlier = held.filter { $0 < event.id.seq }.count
                    guard earlier == count - 1 else {
                        throw SyncError(.ruleViolation, "event \(event.id) on ticket \(ticket) breaks rule event.clock: its vector clock counts \(count - 1) earlier events of \(node) on the ticket, but \(node) made \(earlier); a node's clock counts every event it made — the event was forged or the replica is damaged: run `gongdan check` on the node")
                    }
                } else if held.count < count {
                    throw SyncError(.causalPastUnknown, "event \(event.id) on ticket \(ticket) saw \(count) events of \(node), the hub holds \(held.count); they reach the hub when \(node) syncs — sync again later")
                }
            }
            guard event.clock[event.id.origin] >= 1 else {
                throw SyncError(.ruleViolation, "event \(event.id) on ticket \(ticket) breaks rule event.clock: its vector clock does not count the event itself")
            }
        }
    }

    /// The refusal of a push holding `event`, naming the rule, the event and the ticket.
    static func refusal(_ event: TicketEvent, _ violation: RuleViolation) -> SyncError {
        SyncError(.ruleViolation, "event \(event.id) (\(event.payload.type)) on ticket \(event.ticket) breaks rule \(violation.rule): \(violation.error); the hub stores none of this push — the node keeps its events, and until this one is dealt with (tell the hub operator) nothing after it can be sent")
    }
}
