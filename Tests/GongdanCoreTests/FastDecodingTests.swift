import Foundation
import Testing
import GongdanCore
import GongdanTesting

/// The fast event reader (`JSONReader`) returns what `JSONDecoder` returns, or steps aside.
@Suite("Fast decoding of events")
struct FastDecodingTests {
    static func fast(_ bytes: [UInt8]) -> TicketEvent? {
        try? JSONReader.read(bytes, TicketEvent.read(from:))
    }

    static func reference(_ bytes: [UInt8]) -> TicketEvent? {
        try? GongdanJSON.decodeStrictly(TicketEvent.self, from: bytes)
    }

    @Test("every canonical event is read on the fast path, equal to what JSONDecoder reads")
    func canonicalEventsTakeTheFastPath() throws {
        var random = SeededRandom(seed: 21)
        for _ in 0..<3_000 {
            let event = RandomEvents.event(using: &random, wholeSeconds: true)
            let bytes = event.canonicalJSON()
            let fast = try JSONReader.read(bytes, TicketEvent.read(from:))
            #expect(fast == event)
            #expect(fast == Self.reference(bytes))
        }
    }

    @Test("JSON that is not canonical but valid (spaces, escapes, nulls, unknown members) reads as JSONDecoder reads it")
    func validVariantsAgree() throws {
        let variants = [
            #" { "actor" : {"node":"WS","person":"\u738b","role":"workstation","unit":null} , "clock":{"WS":1},"hlc":65536,"#
                + #""id":{"origin":"WS","seq":1},"payload":{"type":"signed","extra":[1,{"a":true}]},"prev":null,"ticket":"WS-26-0001","x":"y"} "#,
            #"{"actor":{"node":"WS","person":"a\/b\ud83d\ude00\t","role":"workstation"},"clock":{},"hlc":1,"id":{"origin":"WS","seq":2},"#
                + #""payload":{"reason":null,"approved":false,"type":"extensionDecided","deadline":"2026-10-16T16:00:00Z"},"ticket":"T"}"#,
        ]
        for text in variants {
            let bytes = Array(text.utf8)
            let fast = try JSONReader.read(bytes, TicketEvent.read(from:))
            #expect(fast == Self.reference(bytes))
        }
    }

    @Test("duplicate members, fractions, other date forms and bad UTF-8 step aside to JSONDecoder", arguments: [
        #"{"id":{"origin":"WS","seq":1},"id":{"origin":"WS","seq":2}}"#,
        #"{"hlc":1.0}"#,
        #"{"hlc":1e3}"#,
        #"{"hlc":01}"#,
        #"{"payload":{"type":"extensionDecided","approved":true,"deadline":"2026-10-16T16:00:00+08:00"}}"#,
        "{\"ticket\":\"\u{1}\"}",
    ])
    func outsideTheSubsetIsAMiss(text: String) {
        #expect(throws: JSONReader.Miss.self) { try JSONReader.read(Array(text.utf8), TicketEvent.read(from:)) }
    }

    @Test("a canonical event cut, bent or padded at random is never read differently from JSONDecoder")
    func mutatedEventsNeverDisagree() throws {
        var random = SeededRandom(seed: 22)
        var fastReads = 0
        for _ in 0..<4_000 {
            var bytes = RandomEvents.event(using: &random, wholeSeconds: true).canonicalJSON()
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes.remove(at: index)
                case 2: bytes.insert(Array(#" ,:{}[]"\0n1-"#.utf8).randomElement(using: &random)!, at: index)
                default: bytes = Array(bytes[..<index])
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: "{")] }
            }
            guard let fast = Self.fast(bytes) else { continue }
            fastReads += 1
            #expect(Self.reference(bytes) == fast, "\(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(fastReads > 0)
    }

    @Test("the decoding entry point falls back to JSONDecoder and keeps its detailed error")
    func entryPointFallsBack() throws {
        let zoned = #"{"actor":{"node":"WS","person":"p","role":"workstation"},"clock":{"WS":1},"hlc":1,"id":{"origin":"WS","seq":1},"#
            + #""payload":{"approved":true,"deadline":"2026-10-17T00:00:00+08:00","type":"extensionDecided"},"ticket":"T"}"#
        let event = try GongdanJSON.decodeEvent(zoned)
        #expect(event.payload == .extensionDecided(approved: true, reason: nil, deadline: Date(timeIntervalSince1970: 1_792_166_400)))
        let error = try #require(throws: DecodingError.self) { try GongdanJSON.decodeEvent(#"{"id":{"origin":"WS"}}"#) }
        #expect("\(error)".contains("seq") || "\(error)".contains("actor"))
    }
}

@Suite("Fast decoding of hostile bytes")
struct FastDecodingHostileTests {
    @Test("a deeply nested unknown member is a miss, not a stack overflow, and JSONDecoder refuses it")
    func deepNestingIsRefusedSafely() {
        let depth = 200_000
        let text = #"{"x":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        #expect(throws: JSONReader.Miss.self) { try JSONReader.read(Array(text.utf8), TicketEvent.read(from:)) }
        #expect(throws: (any Error).self) { try GongdanJSON.decodeEvent(text) }
    }
}
