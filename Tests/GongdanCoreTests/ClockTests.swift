import Foundation
import Testing
import GongdanCore

@Suite("Hybrid and vector clocks")
struct ClockTests {
    @Test("a hybrid clock never runs backwards, even when the wall clock does")
    func monotonic() {
        var clock = HybridClock()
        let a = clock.tick(now: Date(timeIntervalSince1970: 100))
        let b = clock.tick(now: Date(timeIntervalSince1970: 50))
        let c = clock.tick(now: Date(timeIntervalSince1970: 100))
        #expect(a < b && b < c)
        #expect(b.millis == a.millis && b.counter == 1)
    }

    @Test("after observing a remote reading ahead of it, the next local reading follows it")
    func observe() {
        var clock = HybridClock()
        let remote = HybridTimestamp(millis: 10_000, counter: 3)
        clock.observe(remote)
        #expect(clock.tick(now: Date(timeIntervalSince1970: 1)) > remote)
    }

    @Test("packed readings round-trip and sort as numbers")
    func packed() {
        let t = HybridTimestamp(millis: 1_790_000_000_000, counter: 7)
        #expect(HybridTimestamp(packed: t.packed) == t)
        #expect(HybridTimestamp(millis: 5, counter: 65535).packed < HybridTimestamp(millis: 6).packed)
    }

    @Test("vector clocks compare as before, after, equal or concurrent")
    func vectorOrder() {
        let a = VectorClock(["WS": 1])
        let b = a.incremented(for: "DX")
        let c = a.incremented(for: "WS")
        #expect(a.compare(b) == .before)
        #expect(b.compare(a) == .after)
        #expect(b.compare(c) == .concurrent)
        #expect(b.merged(with: c) == VectorClock(["WS": 2, "DX": 1]))
        #expect(a.compare(VectorClock(["WS": 1, "DX": 0])) == .equal)
    }
}
