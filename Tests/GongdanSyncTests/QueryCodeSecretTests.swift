import Foundation
import GongdanCore
import Testing
@testable import GongdanSync

/// Query codes derived from the ticket code and the district's secret (protocol 1.4).
@Suite("Query codes derived from the district's secret")
struct QueryCodeSecretTests {
    /// The bytes 0, 1, … 31: the key of the published vectors below.
    static let vectorSecret = QueryCodeSecret(bytes: Data(0..<32))!

    @Test("the derivation matches the published vectors (HMAC-SHA256, first 8 bytes, base 31)",
          arguments: [("WS-26-0001", "A6XFJ7"), ("WS-26-0002", "7PQPMP"), ("HUB-26-0001", "5XKYXS")])
    func publishedVectors(ticket: String, code: String) {
        // Given the vector key, when a ticket's code is derived, then it is the published one
        #expect(Self.vectorSecret.queryCode(for: ticket) == code)
    }

    @Test func aCodeIsSixCharactersOfTheAlphabetAndDependsOnTheTicketAndTheSecret() {
        // Given two secrets
        let one = QueryCodeSecret.generate(), other = QueryCodeSecret.generate()
        // When codes are derived
        let code = one.queryCode(for: "WS-26-0001")
        // Then they are well formed, stable, and differ by ticket and by secret
        #expect(code.count == 6 && code.allSatisfy(TicketCode.queryAlphabet.contains))
        #expect(one.queryCode(for: "WS-26-0001") == code)
        #expect(one.queryCode(for: "WS-26-0002") != code)
        #expect(other.queryCode(for: "WS-26-0001") != code)
        #expect(one.bytes.count == QueryCodeSecret.length && one != other)
    }

    @Test func theSecretTravelsAsBase64AndNeverPrintsItself() {
        // Given a secret, when it goes through its base64 form, then it is the same key
        let secret = QueryCodeSecret.generate()
        #expect(QueryCodeSecret(base64: secret.base64) == secret)
        // and a short or garbled one is refused
        #expect(QueryCodeSecret(base64: "AAAA") == nil && QueryCodeSecret(base64: "not base64!") == nil)
        // and its description does not show the key
        #expect(!"\(secret)".contains(secret.base64))
    }
}
