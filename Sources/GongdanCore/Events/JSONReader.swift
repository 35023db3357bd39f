import Foundation

/// A strict, allocation-light reader of JSON bytes for the messages sync moves in bulk (events,
/// push requests, pull pages).
///
/// It is a fast path, not a second definition of the format: it accepts a strict subset of what
/// `GongdanJSON.decoder()` accepts (no duplicate members, integers without fraction or exponent,
/// dates only in the canonical `YYYY-MM-DDTHH:MM:SSZ` form) and throws ``JSONReader/Miss`` for
/// anything else; callers then decode the same bytes with `JSONDecoder`, which either accepts them
/// or produces its detailed error. So whatever this reader returns equals what `JSONDecoder`
/// returns for the same bytes (`FastDecodingTests` checks it on random and mutated messages).
///
/// Measured on this project's events it is several times faster than `JSONDecoder`, whose
/// `Codable` machinery dominated the hub's ingest.
public struct JSONReader {
    /// The bytes are outside the fast path's subset: decode them with `JSONDecoder` instead.
    public struct Miss: Error, Sendable {
        public init() {}
    }

    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline var index: Int
    /// How deep `skipValue` is in nested unknown values; past `maxDepth` the bytes are a miss, so a
    /// hostile body of a million `[` cannot exhaust the stack (`JSONDecoder` has its own limit).
    var depth = 0
    /// The deepest nesting of unknown members the fast path skips.
    public static let maxDepth = 32

    /// A reader over `bytes` (which must outlive it).
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        index = 0
    }

    /// Reads a whole document with `read`, requiring nothing but whitespace after it.
    public static func read<T>(_ data: some ContiguousBytes, _ read: (inout JSONReader) throws -> T) throws -> T {
        try data.withUnsafeBytes { raw in
            var reader = JSONReader(raw.bindMemory(to: UInt8.self))
            reader.skipWhitespace()
            let value = try read(&reader)
            reader.skipWhitespace()
            guard reader.index == reader.bytes.count else { throw Miss() }
            return value
        }
    }

    // MARK: - Structure

    /// Reads an object, calling `member` with each key; `member` must read or skip the value.
    /// A key seen twice in one object is a miss (`JSONDecoder` does not promise which of two equal
    /// keys wins, so the fast path never decides it), and so is an object of more than
    /// `maxMembers` members (none of ours comes near it; `JSONDecoder` reads such an object).
    public mutating func object(_ member: (String, inout JSONReader) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        // Each key's FNV-1a hash, on the stack: equal hashes count as a duplicate (a collision only
        // sends the bytes to JSONDecoder).
        try withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.maxMembers) { seen in
            var count = 0
            while true {
                skipWhitespace()
                let keyStart = index
                let key = try string()
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in bytes[keyStart..<index] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                guard count < Self.maxMembers, !seen[..<count].contains(hash) else { throw Miss() }
                seen[count] = hash
                count += 1
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
                try member(key, &self)
                skipWhitespace()
                let next = try byte()
                if next == UInt8(ascii: "}") { return }
                guard next == UInt8(ascii: ",") else { throw Miss() }
            }
        }
    }

    /// The most members an object read on the fast path may have.
    public static let maxMembers = 64

    /// Reads an array, calling `element` for each element.
    public mutating func array(_ element: (inout JSONReader) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            let next = try byte()
            if next == UInt8(ascii: "]") { return }
            guard next == UInt8(ascii: ",") else { throw Miss() }
        }
    }

    /// Reads an array of values each read by `element`.
    public mutating func array<T>(of element: (inout JSONReader) throws -> T) throws -> [T] {
        var values: [T] = []
        try array { reader in values.append(try element(&reader)) }
        return values
    }

    /// Whether the next value is `null` (consumed if so).
    public mutating func null() -> Bool {
        guard bytes.count - index >= 4, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
              bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    /// Skips any value (an unknown member, as `JSONDecoder` ignores it), checking its syntax.
    public mutating func skipValue() throws {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw Miss() }
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "{"): try object { _, reader in try reader.skipValue() }
        case UInt8(ascii: "["): try array { reader in try reader.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): guard null() else { throw Miss() }
        default: _ = try int()
        }
    }

    /// Stores a member's value in `slot`, a miss when the member was already read.
    @inlinable public static func once<T>(_ slot: inout T?, _ value: @autoclosure () throws -> T) throws {
        guard slot == nil else { throw Miss() }
        slot = try value()
    }

    // MARK: - Scalars

    /// A string, its escapes resolved; invalid UTF-8 or a raw control character is a miss.
    public mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        var highBits: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                // ASCII is valid UTF-8 as it is; only other text needs checking.
                if highBits < 0x80 { return String(decoding: raw, as: UTF8.self) }
                guard let text = String(validating: raw, as: UTF8.self) else { throw Miss() }
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw Miss() }
            highBits |= byte
            index += 1
        }
        throw Miss()
    }

    /// A signed integer without fraction or exponent that fits in 64 bits.
    public mutating func int() throws -> Int64 {
        let negative = peek() == UInt8(ascii: "-")
        if negative { index += 1 }
        let start = index
        var magnitude: UInt64 = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (times, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
            guard !overflowA, !overflowB else { throw Miss() }
            magnitude = sum
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { throw Miss() }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            throw Miss()
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw Miss() }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw Miss() }
        return Int64(magnitude)
    }

    /// An `Int`-sized integer.
    public mutating func intValue() throws -> Int {
        let value = try int()
        guard let fitted = Int(exactly: value) else { throw Miss() }
        return fitted
    }

    public mutating func bool() throws -> Bool {
        if match("true") { return true }
        if match("false") { return false }
        throw Miss()
    }

    /// A date in the canonical form only (`UTCSecondsDate`).
    public mutating func date() throws -> Date {
        guard let date = UTCSecondsDate.parse(try string()) else { throw Miss() }
        return date
    }

    /// A value of a string-backed enumeration.
    public mutating func raw<Value: RawRepresentable>(_ type: Value.Type) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try string()) else { throw Miss() }
        return value
    }

    /// A string or `null`.
    public mutating func optionalString() throws -> String? {
        null() ? nil : try string()
    }

    /// A date or `null`.
    public mutating func optionalDate() throws -> Date? {
        null() ? nil : try date()
    }

    // MARK: - Bytes

    @usableFromInline mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    mutating func byte() throws -> UInt8 {
        guard index < bytes.count else { throw Miss() }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func expect(_ expected: UInt8) throws {
        guard try byte() == expected else { throw Miss() }
    }

    mutating func match(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        let matches = word.withUTF8Buffer { word in
            (0..<count).allSatisfy { bytes[index + $0] == word[$0] }
        }
        if matches { index += count }
        return matches
    }

    /// The rest of a string with escapes, from its first byte at `start`.
    private mutating func escapedString(from start: Int) throws -> String {
        var utf8 = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: utf8, as: UTF8.self) else { throw Miss() }
                return text
            case UInt8(ascii: "\\"):
                switch try self.byte() {
                case UInt8(ascii: "\""): utf8.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): utf8.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): utf8.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: try unicodeEscape())
                default: throw Miss()
                }
            default:
                guard byte >= 0x20 else { throw Miss() }
                utf8.append(byte)
            }
        }
        throw Miss()
    }

    /// The UTF-8 bytes of a `\uXXXX` escape (after `\u`), a surrogate pair taking two escapes.
    private mutating func unicodeEscape() throws -> [UInt8] {
        let first = try hex4()
        var scalarValue = first
        if (0xD800...0xDBFF).contains(first) {
            guard match("\\u") else { throw Miss() }
            let second = try hex4()
            guard (0xDC00...0xDFFF).contains(second) else { throw Miss() }
            scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw Miss() }
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try self.byte()
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Miss()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
