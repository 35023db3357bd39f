import Foundation

/// Writes JSON in Gongdan's canonical form, the byte-stable form events are stored, sent, and
/// (later) hashed and signed in.
///
/// The canonical form of a value is exactly what `GongdanJSON.encoder()` writes for it, made
/// explicit so that it can be produced fast and does not depend on a Foundation release:
/// - objects' keys in ascending order of their UTF-8 bytes; a key whose value is nil is left out;
/// - no whitespace anywhere;
/// - integers in decimal, no leading zeros, `-` for negatives; booleans `true` / `false`;
/// - dates as ISO 8601 in UTC to the whole second, the fraction dropped (floored):
///   `"2026-10-16T16:00:00Z"`, the year written with at least four digits;
/// - strings as their UTF-8 bytes between quotes, escaping only what RFC 8259 requires:
///   `\"`, `\\`, `\b`, `\t`, `\n`, `\f`, `\r`, and every other control character below U+0020 as
///   `\u00XX` with lower-case hex digits. `/`, U+007F, U+2028, U+2029 and all non-ASCII text
///   (CJK, emoji) are written as they are.
///
/// The writer only appends: callers write an object's keys in sorted order themselves (see
/// `TicketEvent+CanonicalJSON.swift`), and the tests check every layout against `JSONEncoder`.
///
/// ```swift
/// var writer = CanonicalJSONWriter()
/// writer.object { w in
///     w.key("a"); w.int(1)
///     w.key("b"); w.string("x\"y")
/// }
/// // writer.bytes is {"a":1,"b":"x\"y"}
/// ```
public struct CanonicalJSONWriter: Sendable {
    /// The JSON written so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether the next key or array element needs a comma before it.
    private var needsComma = false

    public init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: - Structure

    /// Writes an object whose members `body` writes (keys in sorted order).
    public mutating func object(_ body: (inout CanonicalJSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Writes an array of `elements`, each written by `element`.
    public mutating func array<S: Sequence>(_ elements: S, _ element: (inout CanonicalJSONWriter, S.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for value in elements {
            if needsComma { bytes.append(UInt8(ascii: ",")) }
            element(&self, value)
            needsComma = true
        }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes a member's key; its value must follow.
    public mutating func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a value that is already JSON (an event's stored canonical bytes) as it is.
    public mutating func raw<Bytes: Sequence<UInt8>>(_ json: Bytes) {
        bytes.append(contentsOf: json)
        needsComma = true
    }

    // MARK: - Scalars

    public mutating func string(_ value: String) {
        appendQuoted(value)
        needsComma = true
    }

    public mutating func int<I: BinaryInteger>(_ value: I) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimal(UInt64(value.magnitude), minimumDigits: 1)
        needsComma = true
    }

    public mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
        needsComma = true
    }

    /// Writes `"YYYY-MM-DDThh:mm:ssZ"` (UTC, whole seconds, fraction floored).
    public mutating func date(_ value: Date) {
        let seconds = Int64(value.timeIntervalSince1970.rounded(.down))
        let (days, secondOfDay) = Self.floorDivide(seconds, by: 86_400)
        let (year, month, day) = Self.civil(fromDays: days)
        bytes.append(UInt8(ascii: "\""))
        if year < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimal(UInt64(year.magnitude), minimumDigits: 4)
        bytes.append(UInt8(ascii: "-"))
        appendDecimal(UInt64(month), minimumDigits: 2)
        bytes.append(UInt8(ascii: "-"))
        appendDecimal(UInt64(day), minimumDigits: 2)
        bytes.append(UInt8(ascii: "T"))
        appendDecimal(UInt64(secondOfDay / 3600), minimumDigits: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDecimal(UInt64(secondOfDay / 60 % 60), minimumDigits: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDecimal(UInt64(secondOfDay % 60), minimumDigits: 2)
        bytes.append(UInt8(ascii: "Z"))
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    // MARK: - Bytes

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                      Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0xF)]])
        }
    }

    /// Appends `value` in decimal, left-padded with zeros to `minimumDigits`.
    private mutating func appendDecimal(_ value: UInt64, minimumDigits: Int) {
        var digitCount = 1
        var rest = value / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        let width = max(digitCount, minimumDigits)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
        var remaining = value
        var position = bytes.count - 1
        while remaining > 0 {
            bytes[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
            position -= 1
        }
    }

    // MARK: - Calendar arithmetic

    private static func floorDivide(_ value: Int64, by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = (value % divisor + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
