import Foundation

/// A ticket as its events make it: the deterministic fold of its history (see `TicketFold`).
public struct TicketState: Hashable, Sendable, Codable {
    /// A reply a unit made; kept even when the ticket had concurrently been taken from that unit.
    public struct Reply: Hashable, Sendable, Codable {
        public var unit: String
        public var result: String
        public var resolved: Bool
        public var at: Date
        public var event: EventID
        /// The reply's own entry in its vector clock: an event whose clock has less for the
        /// replying node did not see this reply (it was concurrent).
        public var clockEntry: Int
    }

    /// A return (退回) by a unit, with its reason.
    public struct Return: Hashable, Sendable, Codable {
        public var unit: String
        public var reason: String
        public var at: Date
    }

    /// A pending extension request (延期申请).
    public struct ExtensionRequest: Hashable, Sendable, Codable {
        public var unit: String
        public var days: Int
        public var reason: String
        public var at: Date
    }

    /// Why a closed ticket closed.
    public enum Closure: Hashable, Sendable, Codable {
        /// Evaluated satisfied or basically satisfied.
        case satisfied
        /// The entity could not be reached for its evaluation.
        case unreachable
        /// Unsatisfied, but the demand was not reasonable and lawful.
        case unreasonable
        /// Closed by the office (after escalation), with its reason.
        case byOffice(reason: String)
    }

    public var intake: Intake
    public var createdAt: Date
    public var createdBy: Actor
    public var status: TicketStatus

    public var lead: String?
    public var coUnits: [String] = []
    public var dispatchedAt: Date?
    public var signBy: Date?
    public var deadline: Date?
    public var signedAt: Date?
    /// Number of assignments so far (dispatches, second dispatches and escalations).
    public var round: Int = 0
    public var escalated = false
    /// Whether the current assignee recorded a contact with the entity in this round.
    public var contactedThisRound = false
    /// Whether the lead recorded a contact, progress note, extension request, referral or reply in this
    /// round: handling has started, and the ticket can no longer be returned.
    public var handlingStarted = false
    public var referredToCoordination = false
    public var pendingExtension: ExtensionRequest?
    public var extensionDaysGranted = 0

    public var returns: [Return] = []
    /// Re-dispatches to the very unit that had just returned the ticket (a return overruled).
    public var returnsOverruled = 0
    /// The reply currently under review or accepted.
    public var reply: Reply?
    public var repliedAt: Date?
    public var replyAcceptedAt: Date?
    /// Replies rejected as non-standard (办结不规范).
    public var rejectedReplies = 0
    /// Replies made by a unit that no longer held the ticket, handed over to the current assignee.
    public var handedOverReplies: [Reply] = []
    public var evaluations: [Evaluation] = []
    public var unsatisfiedCount = 0

    public var closedAt: Date?
    public var closure: Closure?
    /// Every spell of the ticket with a unit, oldest first (see ``HandlingRound``); an immediate answer
    /// at intake is a round too, so `rounds.count` may exceed ``round``.
    public var rounds: [HandlingRound] = []
    public var mergedInto: String?
    /// Sealed contact or identity fields whose values this replica does not hold (`ContactPrivacy`):
    /// the ticket shows them as withheld. In `CorrectableField` order.
    public var withheld: [CorrectableField] = []
    /// Units the workstation released a report's reporter identity and contact to (`contactReleased`).
    public var contactReleasedTo: [String] = []

    /// Events that arrived when the ticket no longer allowed them (e.g. concurrent offline work);
    /// they stay in the history but did not change the state.
    public var supersededEvents: [EventID] = []
    /// Events the rule table refused (their author was not allowed to make them, even as it saw the
    /// ticket): kept in the history, they changed nothing.
    public var refusedEvents: [EventID] = []
    /// Merge of every event's vector clock.
    public var clock = VectorClock()
    public var eventCount = 0
    public var lastEventAt: Date

    public var code: String { intake.code }
    public var category: TicketCategory { intake.category }

    /// The ticket is past its handling deadline without a reply at `now`.
    public func isOverdue(at now: Date) -> Bool {
        guard status.owesReply, let deadline else { return false }
        return now >= deadline
    }

    /// The ticket is past its signing limit without being signed at `now`.
    public func isSignOverdue(at now: Date) -> Bool {
        guard status == .pendingSign, let signBy else { return false }
        return now >= signBy
    }

    /// Whether `unit` takes part in handling the ticket now (lead or co-unit).
    public func involves(unit: String) -> Bool {
        lead == unit || coUnits.contains(unit)
    }
}
