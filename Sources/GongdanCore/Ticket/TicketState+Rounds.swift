import Foundation

extension TicketState {
    /// One spell of a ticket with one unit: from its dispatch (or escalation, or a walk-in kept at
    /// intake) until the ticket left that unit. The fold keeps every round, so supervision and scoring
    /// can judge each unit on its own work even after the ticket was returned, re-dispatched or sent
    /// for a second dispatch (see ``TicketState/rounds``).
    public struct HandlingRound: Hashable, Sendable, Codable {
        /// How the round began.
        public enum Kind: String, Hashable, Sendable, Codable {
            /// The workstation dispatched the ticket (first, after a return, or a second dispatch).
            case dispatch
            /// The office escalated it (提级办理) with a designated lead.
            case escalation
            /// A township kept its own walk-in ticket at intake.
            case kept
            /// A consultation answered at once at intake: the handling stage is over at creation.
            case immediateAnswer
        }

        public var kind: Kind
        /// The lead unit of the round (for an immediate answer by the workstation, its node code).
        public var unit: String
        public var coUnits: [String]
        public var startedAt: Date
        /// End of the signing limit; nil when nothing had to be signed (kept, immediate answer).
        public var signBy: Date?
        /// End of the handling deadline, moved by approved extensions; nil for an immediate answer.
        public var deadline: Date?
        /// Working days granted by approved extensions in this round.
        public var extensionDaysGranted: Int = 0
        public var signedAt: Date?
        /// When the unit returned (退回) the ticket, which ends the round.
        public var returnedAt: Date?
        /// When the ticket stopped being this unit's: returned, re-assigned, closed or merged.
        public var endedAt: Date?
        /// The latest reply the unit made in this round.
        public var repliedAt: Date?
        /// Replies of this round rejected as non-standard (办结不规范).
        public var rejectedReplies: Int = 0
        /// When the workstation accepted the round's reply: the round's work was completed.
        public var acceptedAt: Date?
        /// The evaluation of the round's accepted reply, and when it was recorded.
        public var evaluation: Evaluation?
        public var evaluatedAt: Date?

        public init(kind: Kind, unit: String, coUnits: [String] = [], startedAt: Date, signBy: Date?, deadline: Date?) {
            self.kind = kind
            self.unit = unit
            self.coUnits = coUnits
            self.startedAt = startedAt
            self.signBy = signBy
            self.deadline = deadline
        }
    }

    /// The round a `created` event opens, if any: a kept walk-in or an immediate answer.
    static func openingRound(of state: TicketState) -> HandlingRound? {
        let intake = state.intake
        if intake.immediateAnswer != nil {
            var round = HandlingRound(kind: .immediateAnswer, unit: state.createdBy.unit ?? state.createdBy.node,
                                      startedAt: state.createdAt, signBy: nil, deadline: nil)
            round.signedAt = state.createdAt
            round.repliedAt = state.createdAt
            round.acceptedAt = state.createdAt
            return round
        }
        guard let unit = intake.keptBy else { return nil }
        var round = HandlingRound(kind: .kept, unit: unit, startedAt: state.createdAt, signBy: nil,
                                  deadline: intake.keptDeadline)
        round.signedAt = state.createdAt
        return round
    }

    /// Records in ``rounds`` what an event the fold has just applied did to the current round.
    /// Called only for applied events, after the state changed, so it reads the new state.
    mutating func recordInRounds(_ event: TicketEvent) {
        let at = event.time
        switch event.payload {
        case .dispatched, .escalated:
            guard let lead else { return }
            endCurrentRound(at: at)
            let kind: HandlingRound.Kind = if case .escalated = event.payload { .escalation } else { .dispatch }
            rounds.append(HandlingRound(kind: kind, unit: lead, coUnits: coUnits, startedAt: at, signBy: signBy,
                                        deadline: deadline))
        case .signed:
            guard let last = rounds.indices.last, rounds[last].signedAt == nil, rounds[last].endedAt == nil,
                  event.actor.unit == rounds[last].unit
            else { return }
            rounds[last].signedAt = at
        case .returned:
            guard let last = rounds.indices.last else { return }
            rounds[last].returnedAt = at
            rounds[last].endedAt = at
        case .extensionDecided:
            guard let last = rounds.indices.last else { return }
            rounds[last].deadline = deadline
            rounds[last].extensionDaysGranted = extensionDaysGranted
        case .replied:
            guard let last = rounds.indices.last else { return }
            rounds[last].repliedAt = at
        case .reviewed(let accepted, _):
            guard let last = rounds.indices.last else { return }
            if accepted { rounds[last].acceptedAt = at } else { rounds[last].rejectedReplies += 1 }
        case .evaluated(let evaluation):
            guard let last = rounds.indices.last else { return }
            rounds[last].evaluation = evaluation
            rounds[last].evaluatedAt = at
            if status.isFinal { endCurrentRound(at: at) }
        case .closed, .merged:
            endCurrentRound(at: at)
        case .created, .contacted, .progressNoted, .referred, .extensionRequested, .corrected, .contactReleased:
            break
        }
    }

    private mutating func endCurrentRound(at: Date) {
        guard let last = rounds.indices.last, rounds[last].endedAt == nil else { return }
        rounds[last].endedAt = at
    }
}
