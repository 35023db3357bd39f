import Foundation

/// When the supervision engine proposes a notice (DESIGN §3), and by when the unit must finish.
///
/// Every field has the design's default; a configuration file need only name the fields it changes:
///
/// ```json
/// { "unsignedPastLimitTimes": 3, "finishWithinWorkingDays": 5 }
/// ```
///
/// | field | default | meaning |
/// | --- | --- | --- |
/// | `unsignedPastLimitTimes` | 2 | a unit left tickets unsigned past the signing limit this many times … |
/// | `unsignedWindowDays` | 30 | … within this many days before the as-of time → reminder |
/// | `overdueAfterWorkingDays` | 0 | a ticket not replied this many working days after its deadline (0: as soon as it passes) → reminder |
/// | `repeatedReportTimes` | 1 | the same entity reported the same matter again this many times … |
/// | `repeatedReportWindowDays` | 90 | … within this many days of the earlier ticket's intake → reminder |
/// | `matterSimilarity` | 0.5 | how alike two summaries must be to be the same matter (``MatterSimilarity``) |
/// | `returnsOverruledTimes` | 2 | a unit's returns were overruled this many times … |
/// | `returnsOverruledWindowDays` | 90 | … within this many days → rectification |
/// | `unsatisfiedTimes` | 2 | one ticket evaluated unsatisfied this many times → rectification |
/// | `nonStandardReplyTimes` | 2 | a unit's replies on one ticket rejected as non-standard this many times → rectification |
/// | `finishWithinWorkingDays` | 3 | the date to finish by: this many working days after the as-of date |
///
/// Counting windows keep a unit's old lapses from adding up with new ones for ever; a lapse already
/// cited in an issued notice of the same kind is never counted again.
public struct SupervisionThresholds: Hashable, Sendable, Codable {
    public var unsignedPastLimitTimes = 2
    public var unsignedWindowDays = 30
    public var overdueAfterWorkingDays = 0
    public var repeatedReportTimes = 1
    public var repeatedReportWindowDays = 90
    public var matterSimilarity = MatterSimilarity.threshold
    public var returnsOverruledTimes = 2
    public var returnsOverruledWindowDays = 90
    public var unsatisfiedTimes = 2
    public var nonStandardReplyTimes = 2
    public var finishWithinWorkingDays = 3

    /// The design's defaults.
    public init() {}

    /// The design's defaults.
    public static let `default` = SupervisionThresholds()

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case unsignedPastLimitTimes, unsignedWindowDays, overdueAfterWorkingDays, repeatedReportTimes,
             repeatedReportWindowDays, matterSimilarity, returnsOverruledTimes, returnsOverruledWindowDays,
             unsatisfiedTimes, nonStandardReplyTimes, finishWithinWorkingDays
    }

    /// Decodes the fields present; absent fields keep their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try container.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        let defaults = SupervisionThresholds()
        unsignedPastLimitTimes = try value(.unsignedPastLimitTimes, defaults.unsignedPastLimitTimes)
        unsignedWindowDays = try value(.unsignedWindowDays, defaults.unsignedWindowDays)
        overdueAfterWorkingDays = try value(.overdueAfterWorkingDays, defaults.overdueAfterWorkingDays)
        repeatedReportTimes = try value(.repeatedReportTimes, defaults.repeatedReportTimes)
        repeatedReportWindowDays = try value(.repeatedReportWindowDays, defaults.repeatedReportWindowDays)
        matterSimilarity = try value(.matterSimilarity, defaults.matterSimilarity)
        returnsOverruledTimes = try value(.returnsOverruledTimes, defaults.returnsOverruledTimes)
        returnsOverruledWindowDays = try value(.returnsOverruledWindowDays, defaults.returnsOverruledWindowDays)
        unsatisfiedTimes = try value(.unsatisfiedTimes, defaults.unsatisfiedTimes)
        nonStandardReplyTimes = try value(.nonStandardReplyTimes, defaults.nonStandardReplyTimes)
        finishWithinWorkingDays = try value(.finishWithinWorkingDays, defaults.finishWithinWorkingDays)
    }

    /// Reads a configuration file's JSON: unknown fields (a typo) and values out of range are refused
    /// with a message naming the field.
    ///
    /// ```swift
    /// let thresholds = try SupervisionThresholds.decode(from: Data(contentsOf: url))
    /// ```
    public static func decode(from data: Data) throws(SupervisionError) -> SupervisionThresholds {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .invalidThresholds("the file is not JSON (\(error.localizedDescription)); write an object such as {\"unsignedPastLimitTimes\": 2}")
        }
        guard let fields = object as? [String: Any] else {
            throw .invalidThresholds("the file must hold one JSON object such as {\"unsignedPastLimitTimes\": 2}")
        }
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw .invalidThresholds("unknown field '\(unknown)'; the fields are \(CodingKeys.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let thresholds: SupervisionThresholds
        do {
            thresholds = try JSONDecoder().decode(SupervisionThresholds.self, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .invalidThresholds("field '\(field)' has the wrong type: give a number")
        } catch {
            throw .invalidThresholds("the file could not be read (\(error)); give numbers for the fields")
        }
        try thresholds.validate()
        return thresholds
    }

    /// Throws unless every count is at least 1, every window at least 1 day, the overdue grace and the
    /// finish-by days not negative, and the similarity between 0 and 1.
    public func validate() throws(SupervisionError) {
        let counts: [(String, Int)] = [
            ("unsignedPastLimitTimes", unsignedPastLimitTimes), ("repeatedReportTimes", repeatedReportTimes),
            ("returnsOverruledTimes", returnsOverruledTimes), ("unsatisfiedTimes", unsatisfiedTimes),
            ("nonStandardReplyTimes", nonStandardReplyTimes), ("unsignedWindowDays", unsignedWindowDays),
            ("repeatedReportWindowDays", repeatedReportWindowDays),
            ("returnsOverruledWindowDays", returnsOverruledWindowDays),
        ]
        for (name, value) in counts where value < 1 {
            throw .invalidThresholds("\(name) is \(value); it must be 1 or more")
        }
        for (name, value) in [("overdueAfterWorkingDays", overdueAfterWorkingDays),
                              ("finishWithinWorkingDays", finishWithinWorkingDays)] where !(0...365).contains(value) {
            throw .invalidThresholds("\(name) is \(value); give 0 to 365 working days")
        }
        guard matterSimilarity > 0, matterSimilarity <= 1 else {
            throw .invalidThresholds("matterSimilarity is \(matterSimilarity); give a share above 0 and at most 1 (default 0.5)")
        }
    }
}
