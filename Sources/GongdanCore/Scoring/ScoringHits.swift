/// The figures one intake or handling round counts in (DESIGN §4): a numerator, its denominator, or a
/// tally. ``ScoringContribution`` dates them; ``ScoringCounts`` adds them up.
public struct ScoringHits: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let onTime = ScoringHits(rawValue: 1 << 0), completionDue = ScoringHits(rawValue: 1 << 1)
    public static let resolved = ScoringHits(rawValue: 1 << 2), resolutionBase = ScoringHits(rawValue: 1 << 3)
    public static let satisfied = ScoringHits(rawValue: 1 << 4), satisfactionBase = ScoringHits(rawValue: 1 << 5)
    public static let signedInTime = ScoringHits(rawValue: 1 << 6), signingDue = ScoringHits(rawValue: 1 << 7)
    public static let intakeInTime = ScoringHits(rawValue: 1 << 8), intakes = ScoringHits(rawValue: 1 << 9)
    public static let evaluated = ScoringHits(rawValue: 1 << 10), accepted = ScoringHits(rawValue: 1 << 11)
    public static let returns = ScoringHits(rawValue: 1 << 12), overruled = ScoringHits(rawValue: 1 << 13)
    public static let unreasonable = ScoringHits(rawValue: 1 << 14), unreachable = ScoringHits(rawValue: 1 << 15)
}
