/// Per node, how many of that node's events on one ticket have been seen.
///
/// An event carries its ticket's vector clock as its origin saw it, its own event included,
/// so `a` happened before `b` exactly when `b`'s clock dominates `a`'s.
public struct VectorClock: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Node code → count of that node's events on the ticket.
    public private(set) var counts: [String: Int]

    public init(_ counts: [String: Int] = [:]) {
        self.counts = counts.filter { $0.value > 0 }
    }

    /// How two clocks relate.
    public enum Order: Sendable, Equatable {
        case before, after, equal, concurrent
    }

    public subscript(node: String) -> Int { counts[node] ?? 0 }

    /// The clock after one more event of `node`.
    public func incremented(for node: String) -> VectorClock {
        var copy = self
        copy.counts[node, default: 0] += 1
        return copy
    }

    /// The least clock that dominates both.
    public func merged(with other: VectorClock) -> VectorClock {
        VectorClock(counts.merging(other.counts, uniquingKeysWith: max))
    }

    /// Compares two clocks entry by entry.
    public func compare(_ other: VectorClock) -> Order {
        var less = false, greater = false
        for node in Set(counts.keys).union(other.counts.keys) {
            let mine = self[node], theirs = other[node]
            if mine < theirs { less = true }
            if mine > theirs { greater = true }
        }
        switch (less, greater) {
        case (false, false): return .equal
        case (true, false): return .before
        case (false, true): return .after
        case (true, true): return .concurrent
        }
    }

    /// Total number of events the clock accounts for.
    public var total: Int { counts.values.reduce(0, +) }

    public var description: String {
        "{" + counts.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ",") + "}"
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: Int].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(counts)
    }
}
