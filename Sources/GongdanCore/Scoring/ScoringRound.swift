import Foundation

/// What ``ScoringEngine`` reads of one handling round: its unit and the dates it judges. A hub that
/// streams its projection rows into a ``ScoringAccumulator`` builds these instead of whole
/// ``TicketState/HandlingRound`` values.
public struct ScoringRound: Hashable, Sendable {
    public var unit: String
    public var startedAt: Date
    public var signBy: Date?
    public var deadline: Date?
    public var signedAt: Date?
    public var returnedAt: Date?
    public var endedAt: Date?
    public var acceptedAt: Date?
    public var evaluation: Evaluation?
    public var evaluatedAt: Date?

    public init(unit: String, startedAt: Date, signBy: Date?, deadline: Date?, signedAt: Date?, returnedAt: Date?,
                endedAt: Date?, acceptedAt: Date?, evaluation: Evaluation?, evaluatedAt: Date?) {
        self.unit = unit
        self.startedAt = startedAt
        self.signBy = signBy
        self.deadline = deadline
        self.signedAt = signedAt
        self.returnedAt = returnedAt
        self.endedAt = endedAt
        self.acceptedAt = acceptedAt
        self.evaluation = evaluation
        self.evaluatedAt = evaluatedAt
    }

    /// The scored part of `round`.
    public init(_ round: TicketState.HandlingRound) {
        self.init(unit: round.unit, startedAt: round.startedAt, signBy: round.signBy, deadline: round.deadline,
                  signedAt: round.signedAt, returnedAt: round.returnedAt, endedAt: round.endedAt,
                  acceptedAt: round.acceptedAt, evaluation: round.evaluation, evaluatedAt: round.evaluatedAt)
    }
}
