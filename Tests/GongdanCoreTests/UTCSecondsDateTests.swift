import Foundation
import Testing
import GongdanCore

@Suite("The canonical date form, read fast")
struct UTCSecondsDateTests {
    @Test("every canonical date the writer makes is read back to the same second")
    func readsWhatTheWriterWrites() throws {
        var random = SystemRandomNumberGenerator()
        let decoder = GongdanJSON.decoder()
        for seconds in [0, 951_782_400, 1_792_166_400, 4_102_444_799, -86_401] + (0..<2_000).map({ _ in Int.random(in: -2_000_000_000...4_000_000_000, using: &random) }) {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            var writer = CanonicalJSONWriter()
            writer.date(date)
            let text = String(decoding: writer.bytes.dropFirst().dropLast(), as: UTF8.self)
            if seconds >= -62_135_596_800 {
                #expect(UTCSecondsDate.parse(text) == date, "\(text)")
            }
            let decoded = try decoder.decode([Date].self, from: Data("[\"\(text)\"]".utf8))
            #expect(decoded == [date], "\(text)")
        }
    }

    @Test("a leap day and the last second of a year are read exactly")
    func calendarEdges() {
        #expect(UTCSecondsDate.parse("2024-02-29T12:00:00Z") == Date(timeIntervalSince1970: 1_709_208_000))
        #expect(UTCSecondsDate.parse("2026-12-31T23:59:59Z") == Date(timeIntervalSince1970: 1_798_761_599))
    }

    @Test("text that is not exactly the canonical form is left to Foundation", arguments: [
        "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01 00:00:00Z",
        "2026-01-01T00:00:00+08:00", "2026-01-01T00:00:00.5Z", "２026-01-01T00:00:00Z", "",
    ])
    func refusesOtherForms(text: String) {
        #expect(UTCSecondsDate.parse(text) == nil)
    }

    @Test("the decoder still reads an ISO 8601 date with an offset, and names a value that is no date")
    func decoderFallsBack() throws {
        let decoder = GongdanJSON.decoder()
        let zoned = try decoder.decode([Date].self, from: Data(#"["2026-10-01T08:00:00+08:00"]"#.utf8))
        #expect(zoned == [Date(timeIntervalSince1970: 1_790_812_800)])
        let error = try #require(throws: DecodingError.self) {
            try decoder.decode([Date].self, from: Data(#"["yesterday"]"#.utf8))
        }
        #expect("\(error)".contains("yesterday"))
    }
}
