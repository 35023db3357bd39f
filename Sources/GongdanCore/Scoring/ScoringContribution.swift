import Foundation

/// What one intake or handling round counts in, for which unit, dated by the instant whose place in a
/// period decides whether it counts there: a completion by its acceptance, an evaluation by when it was
/// made, signing by the signing limit, a return by when it happened, an overruled return by the next
/// round's start, an intake by the ticket's creation (DESIGN §4).
///
/// ``ScoringAccumulator`` counts the contributions dated inside its window; a hub keeps their sums per
/// unit and day, so a year is a sum of days. The one figure no date decides — a round overdue and still
/// open at a period's end — is ``overdueAndOpen(_:at:)``.
public struct ScoringContribution: Hashable, Sendable {
    /// The unit credited, nil for the district only (an intake the workstation took).
    public var unit: String?
    /// When it counts.
    public var at: Date
    public var hits: ScoringHits

    public init(unit: String?, at: Date, hits: ScoringHits) {
        self.unit = unit
        self.at = at
        self.hits = hits
    }

    /// A hotline ticket's intake: counted at its creation, in time when created before the 1-working-day limit.
    public static func intake(source: IntakeSource, createdAt: Date, createdByUnit: String?,
                              intakeDeadline: Date?) -> ScoringContribution? {
        guard source == .hotline, let limit = intakeDeadline else { return nil }
        return ScoringContribution(unit: createdByUnit, at: createdAt,
                                   hits: createdAt < limit ? [.intakes, .intakeInTime] : .intakes)
    }

    /// A round's contributions. `previous` is the ticket's round before it (nil for the first):
    /// returning a ticket that is then dispatched back to the same unit is an overruled return.
    /// `evaluatedBy`: an acceptance counts as evaluated only if the evaluation was made by then
    /// (nil: whenever it was made).
    public static func round(_ round: ScoringRound, previous: ScoringRound?, evaluatedBy: Date?) -> [ScoringContribution] {
        var result: [ScoringContribution] = []
        func add(_ at: Date?, _ hits: ScoringHits) {
            if let at, !hits.isEmpty { result.append(ScoringContribution(unit: round.unit, at: at, hits: hits)) }
        }
        if let acceptedAt = round.acceptedAt {
            var hits: ScoringHits = [.completionDue, .accepted]
            if round.deadline.map({ acceptedAt < $0 }) ?? true { hits.insert(.onTime) }
            if let evaluatedAt = round.evaluatedAt, evaluatedBy.map({ evaluatedAt <= $0 }) ?? true { hits.insert(.evaluated) }
            add(acceptedAt, hits)
        }
        if let evaluation = round.evaluation { add(round.evaluatedAt, evaluationHits(evaluation)) }
        if let signBy = round.signBy { add(signBy, signingHits(round, signBy: signBy)) }
        add(round.returnedAt, .returns)
        if let previous, previous.returnedAt != nil, previous.unit == round.unit { add(round.startedAt, .overruled) }
        return result
    }

    /// Whether `round` counts as due and not completed at `end`: started before it, its deadline
    /// passed by it, neither accepted nor ended before it.
    public static func overdueAndOpen(_ round: ScoringRound, at end: Date) -> Bool {
        guard let deadline = round.deadline else { return false }
        return round.startedAt < end && deadline <= end
            && (round.acceptedAt ?? .distantFuture) >= end && (round.endedAt ?? .distantFuture) >= end
    }

    private static func evaluationHits(_ evaluation: Evaluation) -> ScoringHits {
        if evaluation.satisfaction == .unreachable { return .unreachable }
        var hits: ScoringHits = .resolutionBase
        if evaluation.resolved { hits.insert(.resolved) }
        if evaluation.satisfaction == .unsatisfied && !evaluation.reasonable { return hits.union(.unreasonable) }
        hits.insert(.satisfactionBase)
        if evaluation.satisfaction.isSatisfied { hits.insert(.satisfied) }
        return hits
    }

    /// Signing is due at the limit unless the ticket was taken back (ended) before it unsigned and unreturned.
    private static func signingHits(_ round: ScoringRound, signBy: Date) -> ScoringHits {
        let signed = (round.signedAt ?? .distantFuture) < signBy
        let returned = (round.returnedAt ?? .distantFuture) < signBy
        let takenBack = !signed && !returned && (round.endedAt ?? .distantFuture) < signBy
        if takenBack { return [] }
        return signed || returned ? [.signingDue, .signedInTime] : .signingDue
    }
}
