/// What was wrong with a supervision input (a notice number, a manual notice, a thresholds file),
/// and what to give instead. Every ``description`` can be printed as it is.
public enum SupervisionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A notice number that does not read like `港南督〔2026〕12号`.
    case invalidNoticeNumber(String, problem: String)
    /// A district short name that cannot head a notice number.
    case invalidDistrictName(String)
    /// A manual notice missing what it must say; the message names the value.
    case invalidNotice(String)
    /// A thresholds configuration that cannot be used; the message names the field.
    case invalidThresholds(String)

    public var description: String {
        switch self {
        case .invalidNoticeNumber(let text, let problem):
            "notice number '\(text)' is not valid: \(problem); write it as DISTRICT督〔YEAR〕N号, e.g. 港南督〔2026〕12号"
        case .invalidDistrictName(let name):
            "district short name '\(name)' cannot head a notice number: use 1 to 10 characters without digits, brackets or 督 (e.g. 港南)"
        case .invalidNotice(let message):
            message
        case .invalidThresholds(let message):
            "supervision thresholds: \(message)"
        }
    }
}
