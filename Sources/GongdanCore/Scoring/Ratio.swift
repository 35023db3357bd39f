/// A rate with the tickets behind it: the numerator's tickets are among the denominator's, and both
/// lists are what `--explain` prints. A ticket handled in two rounds in one period (e.g. after a second
/// dispatch) appears once per round.
///
/// ```swift
/// let rate = Ratio(numerator: ["A", "B"], denominator: ["A", "B", "C"], target: 0.95)
/// rate.value          // 0.666…
/// rate.meetsTarget    // false
/// rate.percentText    // "66.7%"
/// ```
public struct Ratio: Hashable, Sendable, Codable {
    public var numerator: Int
    public var denominator: Int
    /// The tickets counted in the numerator.
    public var numeratorTickets: [String]
    /// The tickets counted in the denominator.
    public var denominatorTickets: [String]
    /// The share the district aims for (satisfaction 0.95, evaluation coverage 1), if any.
    public var target: Double?

    public init(numerator: [String], denominator: [String], target: Double? = nil) {
        self.numerator = numerator.count
        self.denominator = denominator.count
        self.numeratorTickets = numerator
        self.denominatorTickets = denominator
        self.target = target
    }

    /// A rate of counts, with the tickets behind them when known (`--explain`); empty lists otherwise.
    public init(numerator: Int, denominator: Int, numeratorTickets: [String] = [], denominatorTickets: [String] = [],
                target: Double? = nil) {
        self.numerator = numerator
        self.denominator = denominator
        self.numeratorTickets = numeratorTickets
        self.denominatorTickets = denominatorTickets
        self.target = target
    }

    /// `numerator ÷ denominator`, or nil when nothing was counted (the rate does not apply).
    public var value: Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }

    /// Whether the rate reaches its target; nil without a target or a value.
    public var meetsTarget: Bool? {
        guard let target, let value else { return nil }
        return value >= target
    }

    /// The rate as a percentage with one decimal, e.g. `95.2%`, or `—` when it does not apply.
    public var percentText: String {
        guard let value else { return "—" }
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// The tickets in the denominator but not the numerator (e.g. those completed late).
    public var shortfallTickets: [String] {
        var remaining = numeratorTickets
        return denominatorTickets.filter { code in
            if let index = remaining.firstIndex(of: code) {
                remaining.remove(at: index)
                return false
            }
            return true
        }
    }
}
