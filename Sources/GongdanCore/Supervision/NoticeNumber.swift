import Foundation

/// The number of a supervision notice, a numbered official document: `港南督〔2026〕12号` is the 12th
/// notice of 2026 of the district whose short name is 港南.
///
/// Numbers run per district and year, from 1:
///
/// ```swift
/// let number = try NoticeNumber.parse("港南督〔2026〕12号")
/// number.sequence                                        // 12
/// NoticeNumber.next(district: "港南", year: 2026, after: [number]).description   // "港南督〔2026〕13号"
/// ```
///
/// It encodes as its printed form.
public struct NoticeNumber: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The district's short name, e.g. `港南`.
    public let district: String
    public let year: Int
    /// The notice's place in the district's notices of the year, from 1.
    public let sequence: Int

    /// The number; throws when the district name could not be read back from the printed form, or the
    /// year or sequence is out of range.
    public init(district: String, year: Int, sequence: Int) throws(SupervisionError) {
        let name = district.trimmingCharacters(in: .whitespaces)
        guard (1...10).contains(name.count),
              !name.contains(where: { $0.isNumber || "督〔〕[]【】()（）".contains($0) })
        else { throw .invalidDistrictName(district) }
        guard CivilDate.supportedYears.contains(year), year >= 1000 else {
            throw .invalidNoticeNumber("\(name)督〔\(year)〕\(sequence)号", problem: "the year must have four digits")
        }
        guard sequence >= 1 else {
            throw .invalidNoticeNumber("\(name)督〔\(year)〕\(sequence)号", problem: "numbers start at 1")
        }
        self.district = name
        self.year = year
        self.sequence = sequence
    }

    /// Reads a printed number. Besides the official brackets 〔〕 it accepts [] 【】 and （）, since those
    /// are what people type.
    ///
    /// - Throws: ``SupervisionError/invalidNoticeNumber(_:problem:)`` saying which part is missing.
    public static func parse(_ text: String) throws(SupervisionError) -> NoticeNumber {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let opening: Set<Character> = ["〔", "[", "【", "（", "("]
        let closing: Set<Character> = ["〕", "]", "】", "）", ")"]
        guard let open = trimmed.firstIndex(where: { opening.contains($0) }) else {
            throw .invalidNoticeNumber(text, problem: "the year in brackets 〔〕 is missing")
        }
        let head = trimmed[..<open]
        guard head.last == "督" else {
            throw .invalidNoticeNumber(text, problem: "the district short name must be followed by 督 before the year")
        }
        let district = String(head.dropLast())
        guard !district.isEmpty else {
            throw .invalidNoticeNumber(text, problem: "the district short name is missing before 督")
        }
        let afterOpen = trimmed[trimmed.index(after: open)...]
        guard let close = afterOpen.firstIndex(where: { closing.contains($0) }) else {
            throw .invalidNoticeNumber(text, problem: "the closing bracket 〕 after the year is missing")
        }
        guard let year = Int(afterOpen[..<close]), afterOpen[..<close].count == 4 else {
            throw .invalidNoticeNumber(text, problem: "the year in brackets must be four digits")
        }
        var tail = afterOpen[afterOpen.index(after: close)...]
        guard tail.last == "号" else {
            throw .invalidNoticeNumber(text, problem: "the number must end with 号")
        }
        tail = tail.dropLast()
        guard !tail.isEmpty, tail.allSatisfy(\.isASCII), let sequence = Int(tail) else {
            throw .invalidNoticeNumber(text, problem: "the sequence number between 〕 and 号 must be digits")
        }
        return try NoticeNumber(district: district, year: year, sequence: sequence)
    }

    /// The next free number for `district` and `year`: one more than the highest among `issued`
    /// (numbers of other districts or years do not count), or 1.
    public static func next(district: String, year: Int, after issued: [NoticeNumber]) throws(SupervisionError) -> NoticeNumber {
        let name = district.trimmingCharacters(in: .whitespaces)
        let highest = issued.filter { $0.district == name && $0.year == year }.map(\.sequence).max() ?? 0
        return try NoticeNumber(district: name, year: year, sequence: highest + 1)
    }

    /// `港南督〔2026〕12号`.
    public var description: String { "\(district)督〔\(year)〕\(sequence)号" }

    /// By district, then year, then sequence.
    public static func < (lhs: NoticeNumber, rhs: NoticeNumber) -> Bool {
        (lhs.district, lhs.year, lhs.sequence) < (rhs.district, rhs.year, rhs.sequence)
    }

    /// Decodes the printed form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try NoticeNumber.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the printed form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
