import Foundation
import GongdanCore

/// Reads times and dates typed on the command line or set in `GONGDAN_NOW`.
///
/// An instant is ISO 8601 with a zone (`2026-10-08T09:00:00+08:00`, `2026-10-08T01:00:00Z`,
/// fractional seconds allowed), or a wall-clock time in China Standard Time (`2026-10-08 09:00`,
/// `2026-10-08T09:00`, seconds optional).
enum TimeInput {
    /// The accepted forms, for error messages.
    static let acceptedForms = "2026-10-08T09:00:00+08:00 (ISO 8601 with offset or Z) or \"2026-10-08 09:00\" (China Standard Time)"

    /// The instant `text` denotes, or nil.
    static func instant(_ text: String) -> Date? {
        let chars = Array(text.trimmingCharacters(in: .whitespaces))
        guard chars.count >= 16, let date = CivilDate(String(chars[0..<10])),
              chars[10] == "T" || chars[10] == " " || chars[10] == "t" else { return nil }
        var index = 11
        func number(_ width: Int) -> Int? {
            guard index + width <= chars.count else { return nil }
            let digits = String(chars[index..<index + width])
            guard digits.allSatisfy(\.isASCII), let value = Int(digits), !digits.contains("+"), !digits.contains("-") else { return nil }
            index += width
            return value
        }
        func skip(_ char: Character) -> Bool {
            guard index < chars.count, chars[index] == char else { return false }
            index += 1
            return true
        }
        guard let hour = number(2), hour < 24, skip(":"), let minute = number(2), minute < 60 else { return nil }
        var seconds = 0.0
        if skip(":") {
            guard let whole = number(2), whole < 61 else { return nil }
            seconds = Double(whole)
            if skip(".") || skip(",") {
                let start = index
                while index < chars.count, chars[index].isASCII, chars[index].isNumber { index += 1 }
                guard index > start, let fraction = Double("0." + String(chars[start..<index])) else { return nil }
                seconds += fraction
            }
        }
        var offset = CivilDate.chinaStandardTimeOffset
        if index < chars.count {
            if skip("Z") || skip("z") {
                offset = 0
            } else if chars[index] == "+" || chars[index] == "-" {
                let sign = chars[index] == "-" ? -1 : 1
                index += 1
                guard let hours = number(2), hours <= 14 else { return nil }
                _ = skip(":")
                let minutes = index < chars.count ? number(2) : 0
                guard let minutes, minutes < 60 else { return nil }
                offset = sign * (hours * 3600 + minutes * 60)
            } else {
                return nil
            }
        }
        guard index == chars.count else { return nil }
        let local = Double(date.daysSince1970) * 86_400 + Double(hour * 3600 + minute * 60) + seconds
        return Date(timeIntervalSince1970: local - Double(offset))
    }

    /// A calendar date: `YYYY-MM-DD`, or the date in China Standard Time of an instant.
    static func date(_ text: String) -> CivilDate? {
        if let date = CivilDate(text.trimmingCharacters(in: .whitespaces)) { return date }
        return instant(text).map(CivilDate.inChinaStandardTime)
    }
}
