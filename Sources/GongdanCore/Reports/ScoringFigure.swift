/// The figures of a ``UnitScore`` in report order, with their names: what tables, CSV exports and
/// `--explain` iterate over.
public enum ScoringFigure: String, CaseIterable, Hashable, Sendable, Codable {
    case onTimeCompletion, resolution, satisfaction, signingTimeliness, intakeTimeliness, evaluationCoverage
    case returns, returnsOverruled, unreasonable, unreachable

    /// The rates, in report order.
    public static let rates: [ScoringFigure] = [.onTimeCompletion, .resolution, .satisfaction, .signingTimeliness,
                                                 .intakeTimeliness, .evaluationCoverage]
    /// The counts, in report order.
    public static let counts: [ScoringFigure] = [.returns, .returnsOverruled, .unreasonable, .unreachable]

    /// The figure's Chinese name, e.g. `按时办结率`.
    public var chineseName: String {
        switch self {
        case .onTimeCompletion: "按时办结率"
        case .resolution: "问题解决率"
        case .satisfaction: "满意率"
        case .signingTimeliness: "签收及时率"
        case .intakeTimeliness: "受理及时率"
        case .evaluationCoverage: "评价率"
        case .returns: "退回"
        case .returnsOverruled: "退回被驳回"
        case .unreasonable: "不合理诉求"
        case .unreachable: "联系不上"
        }
    }

    /// The figure's English name, e.g. `on-time completion`.
    public var englishName: String {
        switch self {
        case .onTimeCompletion: "on-time completion"
        case .resolution: "resolution"
        case .satisfaction: "satisfaction"
        case .signingTimeliness: "signing timeliness"
        case .intakeTimeliness: "intake timeliness"
        case .evaluationCoverage: "evaluation coverage"
        case .returns: "returns"
        case .returnsOverruled: "returns overruled"
        case .unreasonable: "unreasonable demands"
        case .unreachable: "entity unreachable"
        }
    }

    /// The rate in `score`, for a rate.
    public func ratio(in score: UnitScore) -> Ratio? {
        switch self {
        case .onTimeCompletion: score.onTimeCompletion
        case .resolution: score.resolution
        case .satisfaction: score.satisfaction
        case .signingTimeliness: score.signingTimeliness
        case .intakeTimeliness: score.intakeTimeliness
        case .evaluationCoverage: score.evaluationCoverage
        case .returns, .returnsOverruled, .unreasonable, .unreachable: nil
        }
    }

    /// The count in `score`, for a count.
    public func tally(in score: UnitScore) -> Tally? {
        switch self {
        case .returns: score.returns
        case .returnsOverruled: score.returnsOverruled
        case .unreasonable: score.unreasonable
        case .unreachable: score.unreachable
        case .onTimeCompletion, .resolution, .satisfaction, .signingTimeliness, .intakeTimeliness, .evaluationCoverage: nil
        }
    }
}
