import Foundation

/// The figures of a period: per unit, district-wide, and the rectification notices that the monthly
/// monitoring report lists (挂牌督办, 列入月度监测通报).
public struct ScoringReport: Hashable, Sendable, Codable {
    public var period: ScoringPeriod
    /// The instant the figures were judged at: the period's end, or the as-of time when earlier.
    public var judgedAt: Date
    public var weights: ScoringWeights
    /// One score per unit, sorted by unit code.
    public var units: [UnitScore]
    /// The district-wide totals (every ticket, including those no unit in ``units`` handled).
    public var district: UnitScore
    /// Rectification notices issued in the period, by number.
    public var listedNotices: [IssuedNotice]

    public init(period: ScoringPeriod, judgedAt: Date, weights: ScoringWeights, units: [UnitScore],
                district: UnitScore, listedNotices: [IssuedNotice]) {
        self.period = period
        self.judgedAt = judgedAt
        self.weights = weights
        self.units = units
        self.district = district
        self.listedNotices = listedNotices
    }

    /// The score of `unit`, if it is in the report.
    public func score(of unit: String) -> UnitScore? {
        units.first { $0.unit == unit }
    }
}
