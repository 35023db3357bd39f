import Testing
import GongdanCore
import GongdanTesting

/// The vector clock keeps sorted arrays; it must behave exactly like the plain dictionary model.
@Suite("Vector clocks behave like their dictionary model")
struct VectorClockTests {
    static let nodes = ["WS", "DX", "QX", "SCJG", "A1", "Z9"]

    static func randomCounts(using random: inout SeededRandom) -> [String: Int] {
        var counts: [String: Int] = [:]
        for node in nodes where Bool.random(using: &random) {
            counts[node] = Int.random(in: 0...3, using: &random)
        }
        return counts
    }

    @Test("merge, compare, lookup, increment and total agree with dictionaries on random clocks")
    func agreesWithDictionaries() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<5_000 {
            let a = Self.randomCounts(using: &random), b = Self.randomCounts(using: &random)
            let clockA = VectorClock(a), clockB = VectorClock(b)
            let positiveA = a.filter { $0.value > 0 }, positiveB = b.filter { $0.value > 0 }
            #expect(clockA.counts == positiveA)
            #expect(clockA.merged(with: clockB).counts == positiveA.merging(positiveB, uniquingKeysWith: max))
            var less = false, greater = false
            for node in Set(a.keys).union(b.keys) {
                if clockA[node] < clockB[node] { less = true }
                if clockA[node] > clockB[node] { greater = true }
                #expect(clockA[node] == a[node, default: 0])
            }
            let expected: VectorClock.Order = switch (less, greater) {
            case (false, false): .equal
            case (true, false): .before
            case (false, true): .after
            case (true, true): .concurrent
            }
            #expect(clockA.compare(clockB) == expected)
            #expect((clockA == clockB) == (positiveA == positiveB))
            let node = Self.nodes.randomElement(using: &random)!
            #expect(clockA.incremented(for: node).counts == positiveA.merging([node: 1], uniquingKeysWith: +))
            #expect(clockA.total == positiveA.values.reduce(0, +))
        }
    }

    @Test("the description lists nodes in sorted order")
    func description() {
        #expect(VectorClock(["WS": 2, "DX": 1, "QX": 0]).description == "{DX:1,WS:2}")
        #expect(VectorClock().description == "{}")
    }
}
