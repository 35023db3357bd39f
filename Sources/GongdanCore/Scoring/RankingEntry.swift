/// One line of a ranking (排名): a unit's position, composite and figures.
public struct RankingEntry: Hashable, Sendable, Codable {
    /// 1 for the best; every unit has its own position (ties are broken by unit code).
    public var position: Int
    public var unit: String
    /// The composite score; nil (ranked last) when no rate applied to the unit.
    public var composite: Double?
    public var score: UnitScore

    public init(position: Int, unit: String, composite: Double?, score: UnitScore) {
        self.position = position
        self.unit = unit
        self.composite = composite
        self.score = score
    }
}
