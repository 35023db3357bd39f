import Foundation
import Hummingbird

/// The fields of an HTML form post (`application/x-www-form-urlencoded`, at most 64 KiB: a 4,000-character
/// Chinese note is 36 KB encoded), a name
/// possibly repeated (checkboxes). Values keep their text as sent; a name not sent reads as nil.
public struct FormFields: Sendable, Hashable {
    public private(set) var pairs: [(name: String, value: String)]

    public init(_ pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    /// Parses an encoded body: `a=1&b=%E4%B8%AD&b=2`, `+` a space. Undecodable escapes are kept as sent.
    public init(encoded: String) {
        pairs = encoded.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(halves[0]), halves.count > 1 ? decode(halves[1]) : "")
        }
    }

    /// The largest body read.
    public static let limit = 64 * 1024

    /// Reads a request's form body.
    public static func read(from request: Request) async throws -> FormFields {
        let buffer = try await request.body.collect(upTo: limit)
        return FormFields(encoded: String(buffer: buffer))
    }

    /// The first value sent for `name`, trimmed; nil when not sent or blank.
    public func text(_ name: String) -> String? {
        guard let value = pairs.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespacesAndNewlines),
              !value.isEmpty else { return nil }
        return value
    }

    /// Every non-blank value sent for `name`, trimmed, in order.
    public func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    public static func == (lhs: FormFields, rhs: FormFields) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.name)
            hasher.combine(pair.value)
        }
    }
}
