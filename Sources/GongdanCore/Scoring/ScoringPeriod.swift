import Foundation

/// The month, quarter or year a report covers, in China Standard Time: `2026-10` runs from
/// 2026-10-01 00:00 to 2026-11-01 00:00 UTC+8.
///
/// ```swift
/// let october = try ScoringPeriod("2026-10")
/// october.firstDay, october.lastDay            // 2026-10-01, 2026-10-31
/// try ScoringPeriod("2026-Q4").description     // "2026-Q4"
/// try ScoringPeriod("2026-13")                 // throws: the month must be 01 to 12
/// ```
///
/// It encodes as its written form.
public struct ScoringPeriod: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// How long the period is.
    public enum Kind: String, Hashable, Sendable, Codable {
        case month, quarter, year
    }

    public let kind: Kind
    public let year: Int
    /// The month (1–12) or quarter (1–4); 1 for a year.
    public let index: Int

    /// The month `month` of `year`.
    public static func month(_ month: Int, of year: Int) throws(ScoringError) -> ScoringPeriod {
        try ScoringPeriod(kind: .month, year: year, index: month)
    }

    /// The quarter `quarter` (1–4) of `year`.
    public static func quarter(_ quarter: Int, of year: Int) throws(ScoringError) -> ScoringPeriod {
        try ScoringPeriod(kind: .quarter, year: year, index: quarter)
    }

    /// The whole of `year`.
    public static func year(_ year: Int) throws(ScoringError) -> ScoringPeriod {
        try ScoringPeriod(kind: .year, year: year, index: 1)
    }

    private init(kind: Kind, year: Int, index: Int) throws(ScoringError) {
        let written = Self.written(kind: kind, year: year, index: index)
        guard (1000...9998).contains(year) else {
            throw .invalidPeriod(written, problem: "the year must have four digits")
        }
        switch kind {
        case .month:
            guard (1...12).contains(index) else { throw .invalidPeriod(written, problem: "the month must be 01 to 12") }
        case .quarter:
            guard (1...4).contains(index) else { throw .invalidPeriod(written, problem: "the quarter must be Q1 to Q4") }
        case .year:
            break
        }
        self.kind = kind
        self.year = year
        self.index = index
    }

    /// A month already known to be valid (a month of a valid period).
    private init(validMonth month: Int, of year: Int) {
        kind = .month
        self.year = year
        index = month
    }

    /// Reads `2026-10` (a month, two digits), `2026-Q4` (a quarter; `q` also accepted) or `2026` (a year).
    ///
    /// - Throws: ``ScoringError/invalidPeriod(_:problem:)`` saying what is wrong.
    public init(_ text: String) throws(ScoringError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard !trimmed.isEmpty else { throw .invalidPeriod(text, problem: "it is empty") }
        guard parts.count <= 2 else {
            throw .invalidPeriod(text, problem: "a period has at most one '-' (a whole date is not a period)")
        }
        guard parts[0].count == 4, parts[0].allSatisfy(\.isASCII), let year = Int(parts[0]) else {
            throw .invalidPeriod(text, problem: "it must start with a four-digit year")
        }
        guard parts.count == 2 else {
            try self.init(kind: .year, year: year, index: 1)
            return
        }
        let rest = parts[1]
        if let first = rest.first, first == "Q" || first == "q" {
            let digits = rest.dropFirst()
            guard digits.count == 1, let quarter = Int(digits) else {
                throw .invalidPeriod(text, problem: "a quarter is written Q1 to Q4 after the year")
            }
            try self.init(kind: .quarter, year: year, index: quarter)
        } else {
            guard rest.count == 2, rest.allSatisfy(\.isASCII), let month = Int(rest) else {
                throw .invalidPeriod(text, problem: "a month is written with two digits after the year, e.g. 2026-01")
            }
            try self.init(kind: .month, year: year, index: month)
        }
    }

    /// The first day of the period.
    public var firstDay: CivilDate {
        switch kind {
        case .month: CivilDate(year: year, month: index, day: 1)!
        case .quarter: CivilDate(year: year, month: index * 3 - 2, day: 1)!
        case .year: CivilDate(year: year, month: 1, day: 1)!
        }
    }

    /// The last day of the period.
    public var lastDay: CivilDate {
        switch kind {
        case .month: index == 12 ? CivilDate(year: year + 1, month: 1, day: 1)!.adding(days: -1)
                                 : CivilDate(year: year, month: index + 1, day: 1)!.adding(days: -1)
        case .quarter: index == 4 ? CivilDate(year: year + 1, month: 1, day: 1)!.adding(days: -1)
                                  : CivilDate(year: year, month: index * 3 + 1, day: 1)!.adding(days: -1)
        case .year: CivilDate(year: year + 1, month: 1, day: 1)!.adding(days: -1)
        }
    }

    /// The instant the period begins: 00:00 UTC+8 of its first day.
    public var start: Date { firstDay.startInChinaStandardTime }

    /// The instant the period ends, itself outside it: 24:00 UTC+8 of its last day.
    public var end: Date { lastDay.endInChinaStandardTime }

    /// Whether `instant` falls in the period (`start ≤ instant < end`).
    public func contains(_ instant: Date) -> Bool {
        instant >= start && instant < end
    }

    /// The months the period is made of, in order.
    public var months: [ScoringPeriod] {
        let first = firstDay.month, last = lastDay.month
        return (first...last).map { ScoringPeriod(validMonth: $0, of: year) }
    }

    /// `2026-10`, `2026-Q4` or `2026`.
    public var description: String { Self.written(kind: kind, year: year, index: index) }

    /// Earlier periods first; a longer period before the shorter ones it starts with.
    public static func < (lhs: ScoringPeriod, rhs: ScoringPeriod) -> Bool {
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.end > rhs.end
    }

    private static func written(kind: Kind, year: Int, index: Int) -> String {
        switch kind {
        case .month: "\(year)-\(index < 10 ? "0" : "")\(index)"
        case .quarter: "\(year)-Q\(index)"
        case .year: "\(year)"
        }
    }

    /// Decodes the written form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try ScoringPeriod(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the written form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
