/// What was wrong with a scoring input (a period, a weights file), and what to give instead.
/// Every ``description`` can be printed as it is.
public enum ScoringError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A period that is not a month, quarter or year written as `2026-10`, `2026-Q4` or `2026`.
    case invalidPeriod(String, problem: String)
    /// A weights configuration that cannot be used; the message names the field.
    case invalidWeights(String)

    public var description: String {
        switch self {
        case .invalidPeriod(let text, let problem):
            "period '\(text)' is not valid: \(problem); give a month (2026-10), a quarter (2026-Q4) or a year (2026)"
        case .invalidWeights(let message):
            "scoring weights: \(message)"
        }
    }
}
