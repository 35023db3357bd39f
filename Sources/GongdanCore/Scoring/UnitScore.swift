/// One unit's figures for a period (or the district's, when ``unit`` is nil), each traceable to its
/// tickets. ``ScoringEngine`` defines every figure.
public struct UnitScore: Hashable, Sendable, Codable {
    /// The district's target satisfaction rate (满意率 95%).
    public static let satisfactionTarget = 0.95
    /// The target evaluation coverage (办件100%评价).
    public static let evaluationCoverageTarget = 1.0

    /// The unit's code; nil for the district-wide totals.
    public var unit: String?
    /// 按时办结率.
    public var onTimeCompletion: Ratio
    /// 问题解决率.
    public var resolution: Ratio
    /// 满意率, against ``satisfactionTarget``.
    public var satisfaction: Ratio
    /// 签收及时率.
    public var signingTimeliness: Ratio
    /// 受理及时率 (hotline items made tickets within their intake limit).
    public var intakeTimeliness: Ratio
    /// 评价率, against ``evaluationCoverageTarget``.
    public var evaluationCoverage: Ratio
    /// Returns (退回) the unit made.
    public var returns: Tally
    /// Returns overruled: re-dispatched to the unit that returned them.
    public var returnsOverruled: Tally
    /// Unsatisfied evaluations of unreasonable demands, kept out of the satisfaction rate.
    public var unreasonable: Tally
    /// Evaluations recorded as "entity unreachable", kept out of the resolution and satisfaction rates.
    public var unreachable: Tally
    /// Supervision notices issued to the unit in the period.
    public var notices: NoticeTally
    /// Points deducted for the notices.
    public var deduction: Double
    /// The composite score (see ``ScoringWeights``); nil when no rate applies.
    public var composite: Double?

    public init(unit: String?, onTimeCompletion: Ratio, resolution: Ratio, satisfaction: Ratio,
                signingTimeliness: Ratio, intakeTimeliness: Ratio, evaluationCoverage: Ratio, returns: Tally,
                returnsOverruled: Tally, unreasonable: Tally, unreachable: Tally, notices: NoticeTally,
                deduction: Double, composite: Double?) {
        self.unit = unit
        self.onTimeCompletion = onTimeCompletion
        self.resolution = resolution
        self.satisfaction = satisfaction
        self.signingTimeliness = signingTimeliness
        self.intakeTimeliness = intakeTimeliness
        self.evaluationCoverage = evaluationCoverage
        self.returns = returns
        self.returnsOverruled = returnsOverruled
        self.unreasonable = unreasonable
        self.unreachable = unreachable
        self.notices = notices
        self.deduction = deduction
        self.composite = composite
    }
}
