/// Per node, how many of that node's events on one ticket have been seen.
///
/// An event carries its ticket's vector clock as its origin saw it, its own event included,
/// so `a` happened before `b` exactly when `b`'s clock dominates `a`'s.
///
/// Encoded as a JSON object `{node: count}`. A ticket involves a handful of nodes, so the clock
/// keeps a small array sorted by node code (UTF-8 byte order, the canonical JSON key order) rather
/// than a dictionary: lookups scan it, merges and comparisons walk two of them side by side.
public struct VectorClock: Hashable, Sendable, Codable, CustomStringConvertible {
    /// One node's count.
    struct Entry: Hashable, Sendable {
        var node: String
        var count: Int
    }

    /// The nodes with a positive count, in ascending UTF-8 byte order of their codes.
    private(set) var entries: [Entry]

    public init(_ counts: [String: Int] = [:]) {
        entries = counts.filter { $0.value > 0 }.map { Entry(node: $0.key, count: $0.value) }
            .sorted { Self.precedes($0.node, $1.node) }
    }

    private init(sorted entries: [Entry]) {
        self.entries = entries
    }

    /// Node code → count of that node's events on the ticket.
    public var counts: [String: Int] {
        Dictionary(uniqueKeysWithValues: entries.lazy.map { ($0.node, $0.count) })
    }

    /// How two clocks relate.
    public enum Order: Sendable, Equatable {
        case before, after, equal, concurrent
    }

    public subscript(node: String) -> Int {
        entries.first { $0.node == node }?.count ?? 0
    }

    /// The clock after one more event of `node`.
    public func incremented(for node: String) -> VectorClock {
        var copy = self
        copy.increment(node)
        return copy
    }

    /// Counts one more event of `node`.
    mutating func increment(_ node: String) {
        if let index = entries.firstIndex(where: { $0.node == node }) {
            entries[index].count += 1
        } else {
            let index = entries.firstIndex { Self.precedes(node, $0.node) } ?? entries.endIndex
            entries.insert(Entry(node: node, count: 1), at: index)
        }
    }

    /// The least clock that dominates both.
    public func merged(with other: VectorClock) -> VectorClock {
        if other.entries == entries || other.entries.isEmpty { return self }
        var result: [Entry] = []
        result.reserveCapacity(max(entries.count, other.entries.count) + 1)
        walk(other) { node, mine, theirs in result.append(Entry(node: node, count: max(mine, theirs))) }
        return VectorClock(sorted: result)
    }

    /// Compares two clocks entry by entry.
    public func compare(_ other: VectorClock) -> Order {
        var less = false, greater = false
        walk(other) { _, mine, theirs in
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

    /// Whether these counts are exactly what `event`'s clock says it saw before it: every node's count
    /// equal, its own origin's one fewer. The fold's test for "the author saw everything placed so far".
    public func isExactPast(of clock: VectorClock, origin: String) -> Bool {
        var other = clock.entries
        guard let own = other.firstIndex(where: { $0.node == origin }) else { return false }
        other[own].count -= 1
        if other[own].count == 0 { other.remove(at: own) }
        return other == entries
    }

    /// Total number of events the clock accounts for.
    public var total: Int { entries.reduce(0) { $0 + $1.count } }

    public var description: String {
        "{" + entries.map { "\($0.node):\($0.count)" }.joined(separator: ",") + "}"
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: Int].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(counts)
    }

    // MARK: - Sorted walks

    /// Calls `visit` for every node in either clock, in order, with both counts (0 when absent).
    private func walk(_ other: VectorClock, _ visit: (String, Int, Int) -> Void) {
        var i = entries.startIndex, j = other.entries.startIndex
        while i < entries.endIndex || j < other.entries.endIndex {
            if j == other.entries.endIndex
                || (i < entries.endIndex && Self.precedes(entries[i].node, other.entries[j].node)) {
                visit(entries[i].node, entries[i].count, 0)
                i += 1
            } else if i == entries.endIndex || entries[i].node != other.entries[j].node {
                visit(other.entries[j].node, 0, other.entries[j].count)
                j += 1
            } else {
                visit(entries[i].node, entries[i].count, other.entries[j].count)
                i += 1
                j += 1
            }
        }
    }

    /// The order of node codes: ascending UTF-8 bytes.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
