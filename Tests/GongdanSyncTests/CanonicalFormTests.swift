import Foundation
import Testing
import GongdanCore
import GongdanSync

/// README §2: the canonical JSON of an event is what is hashed; a receiver re-encodes a decoded
/// event canonically and must get the same bytes.
@Suite("Canonical form of vector events")
struct CanonicalFormTests {
    @Test("the canonical JSON of each vector event decodes to an equal event and re-encodes to identical bytes",
          arguments: VectorTests.fileNames)
    func roundTrip(file: String) throws {
        let vector = try VectorTests.vector(file)
        for event in vector.events {
            // Given an event's canonical bytes
            let bytes = event.canonicalJSON()
            // When decoded with the wire decoder
            let decoded = try GongdanJSON.decoder().decode(TicketEvent.self, from: Data(bytes))
            // Then it is the same event, its canonical bytes are the same, and they equal the encoder's
            #expect(decoded == event, "\(event.id)")
            #expect(decoded.canonicalJSON() == bytes, "\(event.id)")
            #expect(Array(try GongdanJSON.encoder().encode(event)) == bytes, "\(event.id)")
        }
    }

    @Test("canonical bytes have no whitespace outside strings, sorted keys, and unescaped non-ASCII text and slashes")
    func layout() throws {
        // Given an event whose text has CJK, a slash, a quote and a newline
        let vector = try VectorTests.vector("01-straight-walk-to-closed.json")
        var event = try #require(vector.events.first { $0.payload.type == "contacted" })
        event.payload = .contacted(note: "电话/微信 \"黄\"\n")
        // When written canonically
        let text = event.canonicalJSONString()
        // Then it reads as the README says
        #expect(text.hasPrefix(#"{"actor":{"node":"DX","person":"李镇","role":"township","unit":"DX"},"clock":{"DX":2,"WS":2},"hlc":"#))
        #expect(text.contains(#""payload":{"note":"电话/微信 \"黄\"\n","type":"contacted"},"prev":""#))
        #expect(text.hasSuffix(#","ticket":"WS-26-0001"}"#))
    }
}
