/// Refuses JSON that `JSONDecoder` would read though the protocol forbids it: an object naming a
/// member twice — which of the two a decoder keeps is not defined, so two readers could see two
/// different messages in the same bytes — and nesting deeper than ``maxDepth``. Names are compared
/// after unescaping (`"a"` and `"\u0061"` are one name).
///
/// It judges nothing else: on bytes that are not JSON it stops, silent, and the decoder that runs
/// next gives its own error. It keeps its own stack, so no input can exhaust the thread's.
public enum JSONMemberCheck {
    /// The deepest nesting accepted (`JSONDecoder`'s own limit).
    public static let maxDepth = 512

    /// Throws `DecodingError.dataCorrupted` saying which name repeats, or how deep the nesting went.
    public static func check(_ bytes: UnsafeRawBufferPointer) throws(DecodingError) {
        var scanner = Scanner(bytes: bytes)
        try scanner.run()
    }

    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var index = 0
        /// One entry per open object (the names seen so far) or array (nil).
        var open: [Set<[UInt8]>?] = []

        init(bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
        }

        mutating func run() throws(DecodingError) {
            var expectingKey = false
            while true {
                if expectingKey {
                    guard let key = readKey() else { return }
                    guard open[open.count - 1]!.insert(key).inserted else {
                        throw Self.refusal("duplicate member \"\(String(decoding: key, as: UTF8.self))\" in one object (each name may appear once)")
                    }
                }
                // A value.
                skipWhitespace()
                guard index < bytes.count else { return }
                switch bytes[index] {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    let isObject = bytes[index] == UInt8(ascii: "{")
                    guard open.count < JSONMemberCheck.maxDepth else {
                        throw Self.refusal("values nested more than \(JSONMemberCheck.maxDepth) levels deep")
                    }
                    open.append(isObject ? [] : nil)
                    index += 1
                    skipWhitespace()
                    let empty = index < bytes.count && bytes[index] == UInt8(ascii: isObject ? "}" : "]")
                    if !empty {
                        expectingKey = isObject
                        continue
                    }
                    index += 1
                    open.removeLast()
                case UInt8(ascii: "\""):
                    guard skipString() else { return }
                default:
                    while index < bytes.count, !Self.endsScalar(bytes[index]) { index += 1 }
                }
                // After a value: a comma, or the end of one or more containers.
                while true {
                    skipWhitespace()
                    guard !open.isEmpty, index < bytes.count else { return }
                    let byte = bytes[index]
                    index += 1
                    if byte == UInt8(ascii: ",") {
                        expectingKey = open[open.count - 1] != nil
                        break
                    }
                    guard byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") else { return }
                    open.removeLast()
                }
            }
        }

        /// A member's name and its colon; nil when the bytes are not JSON here.
        mutating func readKey() -> [UInt8]? {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            var name: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    return name
                case UInt8(ascii: "\\"):
                    guard let unescaped = readEscape() else { return nil }
                    name += unescaped
                default:
                    name.append(byte)
                }
            }
            return nil
        }

        /// The UTF-8 bytes of the escape after a backslash; nil when it is not one.
        mutating func readEscape() -> [UInt8]? {
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "b"): return [0x08]
            case UInt8(ascii: "f"): return [0x0C]
            case UInt8(ascii: "n"): return [0x0A]
            case UInt8(ascii: "r"): return [0x0D]
            case UInt8(ascii: "t"): return [0x09]
            case UInt8(ascii: "u"):
                guard var code = readHex4() else { return nil }
                if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count,
                   bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    guard let low = readHex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                return Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
            default:
                return [byte]  // `"`, `\`, `/`, or something the decoder will refuse
            }
        }

        mutating func readHex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = Self.hexValue(bytes[index]) else { return nil }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        /// Skips a string value; false when it does not end.
        mutating func skipString() -> Bool {
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index += 1
                    return true
                case UInt8(ascii: "\\"):
                    index += 2
                default:
                    index += 1
                }
            }
            return false
        }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        static func endsScalar(_ byte: UInt8) -> Bool {
            [UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(byte)
        }

        static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        static func refusal(_ description: String) -> DecodingError {
            .dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: description))
        }
    }
}
