import Foundation
import Testing
import GongdanCore
import GongdanTesting

/// The canonical JSON form of events: byte-identical to `GongdanJSON.encoder()`, decodable back to
/// an equal event, and stable (it will be hashed and signed).
@Suite("Canonical JSON of events")
struct CanonicalJSONTests {
    @Test("random events with tricky strings are written exactly as JSONEncoder writes them")
    func matchesJSONEncoder() throws {
        var random = SeededRandom(seed: 7)
        let encoder = GongdanJSON.encoder()
        for _ in 0..<2_000 {
            let event = RandomEvents.event(using: &random, wholeSeconds: false)
            let canonical = event.canonicalJSONString()
            let expected = String(decoding: try encoder.encode(event), as: UTF8.self)
            #expect(canonical == expected)
            if canonical != expected { return }
        }
    }

    @Test("random events round-trip through the canonical form and GongdanJSON.decoder()")
    func roundTrips() throws {
        var random = SeededRandom(seed: 8)
        let decoder = GongdanJSON.decoder()
        for _ in 0..<2_000 {
            let event = RandomEvents.event(using: &random, wholeSeconds: true)
            let decoded = try decoder.decode(TicketEvent.self, from: Data(event.canonicalJSON()))
            #expect(decoded == event)
            if decoded != event { return }
        }
    }

    @Test("an event's canonical bytes are pinned: sorted keys, no whitespace, whole-second UTC dates")
    func pinnedBytes() {
        let event = TicketEvent(
            id: EventID(origin: "WS", seq: 3), ticket: "WS-26-0001",
            hlc: HybridTimestamp(millis: 1_792_166_400_000, counter: 2),
            clock: VectorClock(["WS": 2, "DX": 1]), actor: Fixtures.workstation,
            payload: .extensionDecided(approved: true, reason: "同意 \"延期\"\n/\\\u{1}😀",
                                       deadline: Date(timeIntervalSince1970: 1_792_166_400.75)))
        let expected = #"{"actor":{"node":"WS","person":"王工作站","role":"workstation"},"clock":{"DX":1,"WS":2},"#
            + #""hlc":117451417190400002,"id":{"origin":"WS","seq":3},"#
            + #""payload":{"approved":true,"deadline":"2026-10-16T16:00:00Z","reason":"同意 \"延期\"\n/\\\u0001😀","#
            + #""type":"extensionDecided"},"ticket":"WS-26-0001"}"#
        #expect(event.canonicalJSONString() == expected)
    }

    @Test("dates before 1970 and with fractions are floored to the second, as JSONEncoder does")
    func datesFloor() throws {
        let encoder = GongdanJSON.encoder()
        for seconds in [-86_400.001, -0.5, 0, 0.999, 951_782_400, 4_102_444_799.9, 253_402_300_799] {
            let date = Date(timeIntervalSince1970: seconds)
            var writer = CanonicalJSONWriter()
            writer.date(date)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: try encoder.encode(date), as: UTF8.self),
                    "\(seconds)")
        }
    }

    @Test("a vector clock encodes as a JSON object with sorted node keys")
    func vectorClockForm() throws {
        let clock = VectorClock(["WS": 2, "DX": 1, "A9": 0])
        #expect(String(decoding: clock.canonicalJSON(), as: UTF8.self) == #"{"DX":1,"WS":2}"#)
        #expect(try GongdanJSON.decoder().decode(VectorClock.self, from: Data(#"{"WS":2,"DX":1}"#.utf8)) == clock)
    }
}
