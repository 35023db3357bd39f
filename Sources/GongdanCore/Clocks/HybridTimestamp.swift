import Foundation

/// A hybrid logical clock reading: wall-clock milliseconds since 1970 plus a counter that orders
/// readings taken within the same millisecond or after observing a clock that ran ahead.
///
/// Comparing two readings orders them causally when both came from `HybridClock`s that observed
/// each other's events. Encoded on the wire and in the store as one 64-bit integer
/// (`millis << 16 | counter`), so it sorts as a number.
public struct HybridTimestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let millis: Int64
    /// Orders readings that share `millis`.
    public let counter: UInt16

    public init(millis: Int64, counter: UInt16 = 0) {
        self.millis = millis
        self.counter = counter
    }

    /// The reading for an instant, counter zero.
    public init(_ date: Date) {
        self.init(millis: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// The packed form: `millis << 16 | counter`.
    public var packed: Int64 { millis << 16 | Int64(counter) }

    public init(packed: Int64) {
        self.init(millis: packed >> 16, counter: UInt16(truncatingIfNeeded: packed & 0xFFFF))
    }

    /// The wall-clock part as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.packed < rhs.packed }

    public var description: String { "\(millis).\(counter)" }

    public init(from decoder: any Decoder) throws {
        self.init(packed: try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(packed)
    }
}
