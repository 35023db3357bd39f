/// A set of `ticket_facts` rowids as one bit per id between the table's smallest and largest: the
/// tickets a scoring period reads, collected from index scans without sorting a million ids, then
/// walked in ascending order or tested while scanning the table.
struct TicketIDSet {
    /// The smallest id the set can hold (the table's smallest at the time).
    let lowest: Int64
    private var words: [UInt64]
    /// How many ids are in the set.
    private(set) var count = 0
    /// The smallest and largest id inserted, if any.
    private(set) var first: Int64?
    private(set) var last: Int64?

    /// An empty set for the ids `lowest...highest`.
    init(lowest: Int64, highest: Int64) {
        self.lowest = lowest
        words = Array(repeating: 0, count: highest >= lowest ? Int((highest - lowest) >> 6) + 1 : 0)
    }

    /// Adds `id`; ids outside the range given at creation are a programming error.
    mutating func insert(_ id: Int64) {
        let offset = id - lowest
        precondition(offset >= 0 && Int(offset >> 6) < words.count, "ticket id \(id) outside the set's range")
        let bit = UInt64(1) << UInt64(offset & 63)
        let index = Int(offset >> 6)
        guard words[index] & bit == 0 else { return }
        words[index] |= bit
        count += 1
        if first.map({ id < $0 }) ?? true { first = id }
        if last.map({ id > $0 }) ?? true { last = id }
    }

    func contains(_ id: Int64) -> Bool {
        let offset = id - lowest
        guard offset >= 0, Int(offset >> 6) < words.count else { return false }
        return words[Int(offset >> 6)] & (UInt64(1) << UInt64(offset & 63)) != 0
    }

    /// Whether reading the id range whole costs less than looking each id up: a quarter or more of it is wanted.
    var isDense: Bool {
        guard let first, let last else { return false }
        return count * 4 >= Int(last - first + 1)
    }

    /// The ids in ascending order.
    func sorted() -> [Int64] {
        var result: [Int64] = []
        result.reserveCapacity(count)
        forEach { result.append($0) }
        return result
    }

    /// Calls `body` with each id, ascending.
    func forEach(_ body: (Int64) throws -> Void) rethrows {
        for (index, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                try body(lowest + Int64(index << 6 + bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
    }
}
