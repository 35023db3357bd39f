/// How many intakes or rounds count in each figure of one unit (or the district): what a
/// ``UnitScore`` is computed from. Counts of disjoint sets of tickets add up, so a hub can keep them
/// per unit and day and sum a period from them.
public struct ScoringCounts: Hashable, Sendable {
    public var onTime = 0, completionDue = 0, resolved = 0, resolutionBase = 0, satisfied = 0, satisfactionBase = 0
    public var signedInTime = 0, signingDue = 0, intakeInTime = 0, intakes = 0, evaluated = 0, accepted = 0
    public var returns = 0, overruled = 0, unreasonable = 0, unreachable = 0

    public init() {}

    /// The counts in the order of ``ScoringHits``' bits (bit 0 first): how a store keeps them.
    public var values: [Int] {
        [onTime, completionDue, resolved, resolutionBase, satisfied, satisfactionBase, signedInTime, signingDue,
         intakeInTime, intakes, evaluated, accepted, returns, overruled, unreasonable, unreachable]
    }

    /// Counts from ``values``' order; missing values are zero.
    public init(values: [Int]) {
        func at(_ index: Int) -> Int { index < values.count ? values[index] : 0 }
        (onTime, completionDue, resolved, resolutionBase) = (at(0), at(1), at(2), at(3))
        (satisfied, satisfactionBase, signedInTime, signingDue) = (at(4), at(5), at(6), at(7))
        (intakeInTime, intakes, evaluated, accepted) = (at(8), at(9), at(10), at(11))
        (returns, overruled, unreasonable, unreachable) = (at(12), at(13), at(14), at(15))
    }

    /// Whether every count is zero.
    public var isZero: Bool { values.allSatisfy { $0 == 0 } }

    /// Counts one intake or round once in every figure of `hits`; `times` -1 takes it back.
    public mutating func add(_ hits: ScoringHits, times: Int = 1) {
        if hits.contains(.onTime) { onTime += times }
        if hits.contains(.completionDue) { completionDue += times }
        if hits.contains(.resolved) { resolved += times }
        if hits.contains(.resolutionBase) { resolutionBase += times }
        if hits.contains(.satisfied) { satisfied += times }
        if hits.contains(.satisfactionBase) { satisfactionBase += times }
        if hits.contains(.signedInTime) { signedInTime += times }
        if hits.contains(.signingDue) { signingDue += times }
        if hits.contains(.intakeInTime) { intakeInTime += times }
        if hits.contains(.intakes) { intakes += times }
        if hits.contains(.evaluated) { evaluated += times }
        if hits.contains(.accepted) { accepted += times }
        if hits.contains(.returns) { returns += times }
        if hits.contains(.overruled) { overruled += times }
        if hits.contains(.unreasonable) { unreasonable += times }
        if hits.contains(.unreachable) { unreachable += times }
    }

    /// Adds `other`'s counts to these.
    public mutating func add(_ other: ScoringCounts) {
        self = ScoringCounts(values: zip(values, other.values).map(+))
    }
}
