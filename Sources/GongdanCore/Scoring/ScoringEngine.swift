import Foundation

/// Computes the figures of DESIGN §4 for a period from ticket facts and issued notices. Pure: the same
/// inputs always give the same report, and every figure lists its tickets.
///
/// The figures count *handling rounds* (``TicketState/HandlingRound``): each spell of a ticket with a
/// unit is judged on its own and credited to that unit, so a ticket returned by one unit and handled by
/// another, or sent for a second dispatch, counts where the work was done. "In the period" means at or
/// after the period's start and before its end (or before `asOf`, when that is earlier).
///
/// - **On-time completion** (按时办结率): rounds whose reply was accepted by their deadline (as extended)
///   ÷ rounds whose reply was accepted in the period, plus rounds past their deadline and still without
///   an accepted reply at the period's end (and not returned or taken back by then).
/// - **Resolution** (问题解决率): evaluations in the period that say resolved ÷ evaluations in the period;
///   "entity unreachable" is no verdict and counts in neither; an unreasonable demand does count (DESIGN
///   §4 keeps it out of the satisfaction rate only).
/// - **Satisfaction** (满意率, target 95%): satisfied or basically satisfied ÷ evaluations in the period,
///   leaving out unreachable entities and unsatisfied evaluations of unreasonable demands (both listed
///   in their own tallies).
/// - **Signing timeliness** (签收及时率): dispatches whose signing limit ended in the period, signed (or
///   returned) before it ÷ those dispatches; one taken back unanswered before its limit is left out.
/// - **Intake timeliness** (受理及时率): hotline tickets taken in within their 1-working-day intake limit ÷
///   hotline tickets taken in during the period (credited to the unit that took them in, and the district).
/// - **Evaluation coverage** (评价率, target 100%): rounds accepted in the period that have an evaluation
///   (at any time up to `asOf`; an unreachable entity counts as evaluated) ÷ rounds accepted in the period.
/// - **Returns**, **returns overruled**: returns made, and re-dispatches to the returning unit, in the period.
/// - **Notices**: notices issued in the period, by level; they set the deduction.
///
/// ```swift
/// let report = ScoringEngine.report(for: try ScoringPeriod("2026-10"), facts: facts, notices: issued,
///                                   units: ["DX", "QX", "SCJG"])
/// report.score(of: "DX")?.satisfaction.percentText      // "96.2%"
/// let ranking = ScoringEngine.ranking(report)
/// ```
public enum ScoringEngine {
    /// The report for `period`.
    ///
    /// - Parameters:
    ///   - facts: The tickets, as current as known (their rounds carry the dates), in any order.
    ///   - notices: Issued supervision notices; those issued in the period count.
    ///   - weights: The composite's weights and deductions.
    ///   - units: The units to score, e.g. the district directory; nil scores every unit that appears in
    ///     the period's figures. The district totals always cover every ticket.
    ///   - asOf: Judge the period as of this instant when it is before the period's end (a month in
    ///     progress); nil judges at the period's end.
    ///   - explain: List the tickets behind every figure (in code order); false gives the same counts
    ///     with empty lists, which is much cheaper on a large history.
    public static func report(for period: ScoringPeriod, facts: [TicketFacts], notices: [IssuedNotice] = [],
                              weights: ScoringWeights = .default, units: [String]? = nil,
                              asOf: Date? = nil, explain: Bool = true) -> ScoringReport {
        var accumulator = ScoringAccumulator(period: period, asOf: asOf, explain: explain)
        for ticket in facts { accumulator.add(ticket) }
        return accumulator.report(notices: notices, weights: weights, units: units)
    }

    /// The units of `report` ordered by composite, best first; ties, and units without a composite
    /// (placed last), are ordered by unit code.
    public static func ranking(_ report: ScoringReport) -> [RankingEntry] {
        let ordered = report.units.sorted { a, b in
            switch (a.composite, b.composite) {
            case let (x?, y?) where x != y: x > y
            case (.some, nil): true
            case (nil, .some): false
            default: (a.unit ?? "") < (b.unit ?? "")
            }
        }
        return ordered.enumerated().map { index, score in
            RankingEntry(position: index + 1, unit: score.unit ?? "", composite: score.composite, score: score)
        }
    }

    /// The annual ranking (每年通报排名) of `year`: ``ranking(_:)`` of the year's report.
    public static func annualRanking(year: Int, facts: [TicketFacts], notices: [IssuedNotice] = [],
                                     weights: ScoringWeights = .default, units: [String]? = nil,
                                     asOf: Date? = nil) throws(ScoringError) -> [RankingEntry] {
        let period = try ScoringPeriod.year(year)
        return ranking(report(for: period, facts: facts, notices: notices, weights: weights, units: units, asOf: asOf))
    }

    /// The composite of three rates and a deduction (see ``ScoringWeights``).
    public static func composite(onTimeCompletion: Ratio, resolution: Ratio, satisfaction: Ratio, deduction: Double,
                                 weights: ScoringWeights) -> Double? {
        let parts = [(onTimeCompletion.value, weights.onTimeCompletion), (resolution.value, weights.resolution),
                     (satisfaction.value, weights.satisfaction)]
            .compactMap { value, weight in value.map { ($0, weight) } }
        let totalWeight = parts.reduce(0) { $0 + $1.1 }
        guard totalWeight > 0 else { return nil }
        let base = 100 * parts.reduce(0) { $0 + $1.0 * $1.1 } / totalWeight
        return (max(0, base - deduction) * 100).rounded() / 100
    }

    /// The scores of one unit (or the district, when `unit` is nil) from its counts, its ticket lists
    /// (empty unless explaining; sorted here) and its notices.
    static func score(_ a: ScoringCounts, _ lists: ScoringAccumulator.Lists, notices issued: [IssuedNotice],
                      unit: String?, weights: ScoringWeights) -> UnitScore {
        func ratio(_ numerator: Int, _ numeratorTickets: [String], _ denominator: Int, _ denominatorTickets: [String],
                   target: Double? = nil) -> Ratio {
            Ratio(numerator: numerator, denominator: denominator, numeratorTickets: numeratorTickets.sorted(),
                  denominatorTickets: denominatorTickets.sorted(), target: target)
        }
        func tally(_ count: Int, _ tickets: [String]) -> Tally { Tally(count: count, tickets: tickets.sorted()) }
        let onTime = ratio(a.onTime, lists.onTime, a.completionDue, lists.completionDue)
        let resolution = ratio(a.resolved, lists.resolved, a.resolutionBase, lists.resolutionBase)
        let satisfaction = ratio(a.satisfied, lists.satisfied, a.satisfactionBase, lists.satisfactionBase,
                                 target: UnitScore.satisfactionTarget)
        let notices = NoticeTally(issued)
        let deduction = NoticeLevel.allCases.reduce(0.0) { $0 + Double(notices.count(of: $1)) * weights.deduction(for: $1) }
        return UnitScore(
            unit: unit, onTimeCompletion: onTime, resolution: resolution, satisfaction: satisfaction,
            signingTimeliness: ratio(a.signedInTime, lists.signedInTime, a.signingDue, lists.signingDue),
            intakeTimeliness: ratio(a.intakeInTime, lists.intakeInTime, a.intakes, lists.intakes),
            evaluationCoverage: ratio(a.evaluated, lists.evaluated, a.accepted, lists.accepted,
                                      target: UnitScore.evaluationCoverageTarget),
            returns: tally(a.returns, lists.returns), returnsOverruled: tally(a.overruled, lists.overruled),
            unreasonable: tally(a.unreasonable, lists.unreasonable), unreachable: tally(a.unreachable, lists.unreachable),
            notices: notices, deduction: deduction,
            composite: composite(onTimeCompletion: onTime, resolution: resolution, satisfaction: satisfaction,
                                 deduction: deduction, weights: weights))
    }
}
