import Foundation

/// How the composite score weighs the rates, and what each notice costs.
///
/// The composite of a unit is
///
///     100 × (Σ weightᵢ × rateᵢ) ÷ (Σ weightᵢ)  −  Σ deduction(level) × notices(level)
///
/// over the three rates that apply in the period (a rate with no tickets behind it drops out and its
/// weight is spread over the others), floored at 0 and rounded to two decimals. A unit with no rate
/// that applies has no composite and ranks last.
///
/// The defaults follow the Beijing-style 三率 weighting (响应率 0.1, 解决率 0.5, 满意率 0.4), with the
/// on-time completion rate (按时办结率) standing in for the response rate, and deduct points per
/// notice by level:
///
/// | field | default |
/// | --- | --- |
/// | `onTimeCompletion` | 0.1 |
/// | `resolution` | 0.5 |
/// | `satisfaction` | 0.4 |
/// | `reminderDeduction` | 0.5 points per 提醒敦促函 |
/// | `rectificationDeduction` | 2 points per 整改通知书 |
/// | `interviewDeduction` | 5 points per 约谈通知书 |
///
/// A configuration file need only name what it changes: `{"resolution": 0.6, "satisfaction": 0.3}`.
public struct ScoringWeights: Hashable, Sendable, Codable {
    public var onTimeCompletion = 0.1
    public var resolution = 0.5
    public var satisfaction = 0.4
    public var reminderDeduction = 0.5
    public var rectificationDeduction = 2.0
    public var interviewDeduction = 5.0

    /// The documented defaults.
    public init() {}

    /// The documented defaults.
    public static let `default` = ScoringWeights()

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case onTimeCompletion, resolution, satisfaction, reminderDeduction, rectificationDeduction, interviewDeduction
    }

    /// Decodes the fields present; absent fields keep their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ScoringWeights()
        onTimeCompletion = try container.decodeIfPresent(Double.self, forKey: .onTimeCompletion) ?? defaults.onTimeCompletion
        resolution = try container.decodeIfPresent(Double.self, forKey: .resolution) ?? defaults.resolution
        satisfaction = try container.decodeIfPresent(Double.self, forKey: .satisfaction) ?? defaults.satisfaction
        reminderDeduction = try container.decodeIfPresent(Double.self, forKey: .reminderDeduction) ?? defaults.reminderDeduction
        rectificationDeduction = try container.decodeIfPresent(Double.self, forKey: .rectificationDeduction)
            ?? defaults.rectificationDeduction
        interviewDeduction = try container.decodeIfPresent(Double.self, forKey: .interviewDeduction) ?? defaults.interviewDeduction
    }

    /// Reads a configuration file's JSON, refusing unknown fields and values out of range with a
    /// message naming the field.
    public static func decode(from data: Data) throws(ScoringError) -> ScoringWeights {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .invalidWeights("the file is not JSON (\(error.localizedDescription)); write an object such as {\"resolution\": 0.5}")
        }
        guard let fields = object as? [String: Any] else {
            throw .invalidWeights("the file must hold one JSON object such as {\"resolution\": 0.5}")
        }
        let known = CodingKeys.allCases.map(\.rawValue)
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw .invalidWeights("unknown field '\(unknown)'; the fields are \(known.joined(separator: ", "))")
        }
        let weights: ScoringWeights
        do {
            weights = try JSONDecoder().decode(ScoringWeights.self, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .invalidWeights("field '\(field)' has the wrong type: give a number")
        } catch {
            throw .invalidWeights("the file could not be read (\(error)); give numbers for the fields")
        }
        try weights.validate()
        return weights
    }

    /// Throws unless every weight and deduction is a finite number ≥ 0 and the rate weights add up to
    /// more than 0.
    public func validate() throws(ScoringError) {
        let all: [(String, Double)] = [
            ("onTimeCompletion", onTimeCompletion), ("resolution", resolution), ("satisfaction", satisfaction),
            ("reminderDeduction", reminderDeduction), ("rectificationDeduction", rectificationDeduction),
            ("interviewDeduction", interviewDeduction),
        ]
        for (name, value) in all where !value.isFinite || value < 0 {
            throw .invalidWeights("\(name) is \(value); give a number of 0 or more")
        }
        guard onTimeCompletion + resolution + satisfaction > 0 else {
            throw .invalidWeights("onTimeCompletion, resolution and satisfaction are all 0; give at least one a weight above 0")
        }
    }

    /// The points a notice of `level` costs.
    public func deduction(for level: NoticeLevel) -> Double {
        switch level {
        case .reminder: reminderDeduction
        case .rectification: rectificationDeduction
        case .interview: interviewDeduction
        }
    }
}
