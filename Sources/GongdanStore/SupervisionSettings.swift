import Foundation
import GongdanCore

/// What the hub's supervision and scoring run with, kept in the hub database and changed with
/// `gongdan hub config`: the thresholds of ``SupervisionEngine``, the weights of ``ScoringEngine``,
/// whether `gongdan hub supervise` issues every candidate by itself, and the district's short name
/// that heads notice numbers.
///
/// ```swift
/// var settings = try hub.supervisionSettings()
/// settings.autoIssue = true
/// try hub.saveSupervisionSettings(settings)
/// ```
public struct SupervisionSettings: Hashable, Sendable, Codable {
    public var thresholds: SupervisionThresholds
    public var weights: ScoringWeights
    /// Issue every candidate when `gongdan hub supervise` runs, without `--issue`.
    public var autoIssue: Bool
    /// The short name in notice numbers (`港南` in 港南督〔2026〕12号); nil derives it from the
    /// district's name (``HubStore/shortDistrictName(_:)``).
    public var districtShortName: String?

    public init(thresholds: SupervisionThresholds = .default, weights: ScoringWeights = .default, autoIssue: Bool = false,
                districtShortName: String? = nil) {
        self.thresholds = thresholds
        self.weights = weights
        self.autoIssue = autoIssue
        self.districtShortName = districtShortName
    }

    /// The defaults of DESIGN §3 and §4, no automatic issuance.
    public static let `default` = SupervisionSettings()
}
