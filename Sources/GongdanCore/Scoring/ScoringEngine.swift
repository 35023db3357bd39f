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
    ///   - facts: The tickets, as current as known (their rounds carry the dates).
    ///   - notices: Issued supervision notices; those issued in the period count.
    ///   - weights: The composite's weights and deductions.
    ///   - units: The units to score, e.g. the district directory; nil scores every unit that appears in
    ///     the period's figures. The district totals always cover every ticket.
    ///   - asOf: Judge the period as of this instant when it is before the period's end (a month in
    ///     progress); nil judges at the period's end.
    public static func report(for period: ScoringPeriod, facts: [TicketFacts], notices: [IssuedNotice] = [],
                              weights: ScoringWeights = .default, units: [String]? = nil,
                              asOf: Date? = nil) -> ScoringReport {
        let end = min(period.end, asOf ?? period.end)
        let window = period.start..<max(period.start, end)
        var tally = Accumulators(judgedAt: end, asOf: asOf)
        for ticket in facts.sorted(by: { $0.code < $1.code }) {
            tally.add(ticket, in: window)
        }
        let issued = notices.filter { window.contains($0.issuedAt) }.sorted { $0.number < $1.number }
        for notice in issued { tally.add(notice) }

        let scored = units.map { Array(Set($0)).sorted() } ?? tally.units.keys.sorted()
        let unitScores = scored.map { unit in
            score(tally.units[unit] ?? Accumulator(), unit: unit, weights: weights)
        }
        return ScoringReport(period: period, judgedAt: end, weights: weights, units: unitScores,
                             district: score(tally.district, unit: nil, weights: weights),
                             listedNotices: issued.filter { $0.level == .rectification })
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

    private static func score(_ a: Accumulator, unit: String?, weights: ScoringWeights) -> UnitScore {
        let onTime = Ratio(numerator: a.onTime, denominator: a.completionDue)
        let resolution = Ratio(numerator: a.resolved, denominator: a.resolutionBase)
        let satisfaction = Ratio(numerator: a.satisfied, denominator: a.satisfactionBase,
                                 target: UnitScore.satisfactionTarget)
        let notices = NoticeTally(a.notices)
        let deduction = NoticeLevel.allCases.reduce(0.0) { $0 + Double(notices.count(of: $1)) * weights.deduction(for: $1) }
        return UnitScore(
            unit: unit, onTimeCompletion: onTime, resolution: resolution, satisfaction: satisfaction,
            signingTimeliness: Ratio(numerator: a.signedInTime, denominator: a.signingDue),
            intakeTimeliness: Ratio(numerator: a.intakeInTime, denominator: a.intakes),
            evaluationCoverage: Ratio(numerator: a.evaluated, denominator: a.accepted,
                                      target: UnitScore.evaluationCoverageTarget),
            returns: Tally(a.returns), returnsOverruled: Tally(a.overruled), unreasonable: Tally(a.unreasonable),
            unreachable: Tally(a.unreachable), notices: notices, deduction: deduction,
            composite: composite(onTimeCompletion: onTime, resolution: resolution, satisfaction: satisfaction,
                                 deduction: deduction, weights: weights))
    }

    // MARK: - Counting

    /// The ticket codes behind each figure of one unit (or the district).
    private struct Accumulator {
        var onTime: [String] = [], completionDue: [String] = []
        var resolved: [String] = [], resolutionBase: [String] = []
        var satisfied: [String] = [], satisfactionBase: [String] = []
        var signedInTime: [String] = [], signingDue: [String] = []
        var intakeInTime: [String] = [], intakes: [String] = []
        var evaluated: [String] = [], accepted: [String] = []
        var returns: [String] = [], overruled: [String] = []
        var unreasonable: [String] = [], unreachable: [String] = []
        var notices: [IssuedNotice] = []
    }

    private struct Accumulators {
        var units: [String: Accumulator] = [:]
        var district = Accumulator()
        let judgedAt: Date
        let asOf: Date?

        init(judgedAt: Date, asOf: Date?) {
            self.judgedAt = judgedAt
            self.asOf = asOf
        }

        /// Adds `code` to the figure at `path` of `unit` (when there is one) and of the district.
        mutating func record(_ path: WritableKeyPath<Accumulator, [String]>, _ code: String, unit: String?) {
            district[keyPath: path].append(code)
            if let unit { units[unit, default: Accumulator()][keyPath: path].append(code) }
        }

        mutating func add(_ notice: IssuedNotice) {
            district.notices.append(notice)
            units[notice.unit, default: Accumulator()].notices.append(notice)
        }

        mutating func add(_ ticket: TicketFacts, in window: Range<Date>) {
            let code = ticket.code
            if ticket.source == .hotline, let limit = ticket.intakeDeadline, window.contains(ticket.createdAt) {
                record(\.intakes, code, unit: ticket.createdByUnit)
                if ticket.createdAt < limit { record(\.intakeInTime, code, unit: ticket.createdByUnit) }
            }
            for (index, round) in ticket.rounds.enumerated() {
                let unit = round.unit
                addCompletion(round, code: code, in: window)
                addEvaluation(round, code: code, in: window)
                addSigning(round, code: code, in: window)
                if let returnedAt = round.returnedAt, window.contains(returnedAt) { record(\.returns, code, unit: unit) }
                if index > 0 {
                    let previous = ticket.rounds[index - 1]
                    if previous.returnedAt != nil, previous.unit == unit, window.contains(round.startedAt) {
                        record(\.overruled, code, unit: unit)
                    }
                }
            }
        }

        private mutating func addCompletion(_ round: TicketState.HandlingRound, code: String, in window: Range<Date>) {
            if let acceptedAt = round.acceptedAt, window.contains(acceptedAt) {
                record(\.completionDue, code, unit: round.unit)
                if round.deadline.map({ acceptedAt < $0 }) ?? true { record(\.onTime, code, unit: round.unit) }
                record(\.accepted, code, unit: round.unit)
                if let evaluatedAt = round.evaluatedAt, asOf.map({ evaluatedAt <= $0 }) ?? true {
                    record(\.evaluated, code, unit: round.unit)
                }
                return
            }
            // Overdue and still open at the end: started, past its deadline, not accepted, not ended.
            let end = window.upperBound
            guard let deadline = round.deadline, round.startedAt < end, deadline <= end,
                  (round.acceptedAt ?? .distantFuture) >= end, (round.endedAt ?? .distantFuture) >= end
            else { return }
            record(\.completionDue, code, unit: round.unit)
        }

        private mutating func addEvaluation(_ round: TicketState.HandlingRound, code: String, in window: Range<Date>) {
            guard let evaluation = round.evaluation, let at = round.evaluatedAt, window.contains(at) else { return }
            if evaluation.satisfaction == .unreachable {
                record(\.unreachable, code, unit: round.unit)
                return
            }
            record(\.resolutionBase, code, unit: round.unit)
            if evaluation.resolved { record(\.resolved, code, unit: round.unit) }
            if evaluation.satisfaction == .unsatisfied && !evaluation.reasonable {
                record(\.unreasonable, code, unit: round.unit)
                return
            }
            record(\.satisfactionBase, code, unit: round.unit)
            if evaluation.satisfaction.isSatisfied { record(\.satisfied, code, unit: round.unit) }
        }

        private mutating func addSigning(_ round: TicketState.HandlingRound, code: String, in window: Range<Date>) {
            guard let signBy = round.signBy, window.contains(signBy) else { return }
            let signed = (round.signedAt ?? .distantFuture) < signBy
            let returned = (round.returnedAt ?? .distantFuture) < signBy
            let takenBack = !signed && !returned && (round.endedAt ?? .distantFuture) < signBy
            guard !takenBack else { return }
            record(\.signingDue, code, unit: round.unit)
            if signed || returned { record(\.signedInTime, code, unit: round.unit) }
        }
    }
}
