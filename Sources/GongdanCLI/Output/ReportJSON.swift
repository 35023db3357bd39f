import Foundation
import GongdanCore
import GongdanStore

/// The `--json` documents of `gongdan report …` (field names are a contract: docs/cli.md).
enum ReportJSON {
    /// `report units`.
    struct Units: Encodable {
        var period: ScoringPeriod
        var judgedAt: Date
        var asOf: Date
        var weights: ScoringWeights
        var units: [UnitScore]
        var district: UnitScore
        var listedNotices: [IssuedNotice]
        var unitNames: [String: String]
        var explained: Bool
    }

    /// One line of `report ranking` and `report monthly`.
    struct Ranked: Encodable {
        var position: Int
        var unit: String
        var name: String?
        var composite: Double?
        var score: UnitScore
    }

    /// `report ranking`.
    struct Ranking: Encodable {
        var year: Int
        var judgedAt: Date
        var asOf: Date
        var weights: ScoringWeights
        var ranking: [Ranked]
        var explained: Bool
    }

    /// `report monthly --format json`.
    struct Monthly: Encodable {
        var period: ScoringPeriod
        var district: String
        var judgedAt: Date
        var asOf: Date
        var weights: ScoringWeights
        var totals: UnitScore
        var ranking: [Ranked]
        var listedNotices: [StoredNotice]
        var notices: [StoredNotice]
    }

    /// `score` without its ticket lists (they are printed only with `--explain`).
    static func stripped(_ score: UnitScore) -> UnitScore {
        var score = score
        for path in [\UnitScore.onTimeCompletion, \.resolution, \.satisfaction, \.signingTimeliness, \.intakeTimeliness,
                     \.evaluationCoverage] as [WritableKeyPath<UnitScore, Ratio>] {
            score[keyPath: path].numeratorTickets = []
            score[keyPath: path].denominatorTickets = []
        }
        for path in [\UnitScore.returns, \.returnsOverruled, \.unreasonable, \.unreachable] as [WritableKeyPath<UnitScore, Tally>] {
            score[keyPath: path].tickets = []
        }
        return score
    }

    static func ranked(_ ranking: [RankingEntry], names: [String: String], explain: Bool) -> [Ranked] {
        ranking.map { Ranked(position: $0.position, unit: $0.unit, name: names[$0.unit], composite: $0.composite,
                             score: explain ? $0.score : stripped($0.score)) }
    }
}
