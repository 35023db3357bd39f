import Foundation
import Testing
import GongdanCore
import GongdanSync
import GongdanTesting

/// Issue 11, item 5: a sealed event's signed bytes hold commitments only; its openings restore the
/// values, and only the right ones (`docs/privacy.md`).
@Suite("Sealing contact details")
struct ContactSealTests {
    func created() throws -> TicketEvent {
        var harness = TicketHarness()
        return try harness.intake(Fixtures.complaint(), on: "WS", at: Fixtures.cst("2026-09-28 09:00"))
    }

    @Test("the commitment is SHA-256 of gongdan-seal/1|field|salt|value, as sync-protocol/README.md §5.9 gives it")
    func commitmentVectors() {
        let salt = "000102030405060708090a0b0c0d0e0f"
        #expect(ContactSeal.commitment(field: .phone, value: "0775-4331430", salt: salt)
                == "966cf7b83672e35386ee94a80ec0994f031995afbb7ecc733faff9b6cf6fb601")
        #expect(ContactSeal.commitment(field: .contact, value: "黄老板", salt: salt)
                == "489204aa6525180657c6680715856dc3c68a1e7de6bdbe0ae4dd19d669d2a0e1")
    }

    @Test("a sealed event's canonical bytes and JSONEncoder output hold the commitments and not the values")
    func bytesHoldNoValue() throws {
        let (sealed, openings) = ContactSeal.seal(try created(), category: nil)
        #expect(Set(openings.map(\.field)) == [.contact, .phone])
        #expect(sealed.sealedFields == [.contact, .phone] && sealed.withheldFields.isEmpty)  // it keeps its values in memory
        for bytes in [sealed.canonicalJSONString(), String(decoding: try GongdanJSON.encoder().encode(sealed), as: UTF8.self)] {
            #expect(!bytes.contains("0775-4331430") && !bytes.contains("黄老板"))
            #expect(bytes.contains(#""sealed":{"contact":""#))
        }
        // Decoded, the event holds the commitments and withholds both values
        let decoded = try GongdanJSON.decodeEvent(sealed.canonicalJSONString())
        #expect(decoded.withheldFields == [.contact, .phone] && decoded.value(of: .phone) == nil)
        #expect(decoded == sealed.sealedForm())
    }

    @Test("openings restore exactly the values committed to; a changed value, salt, field or event does not open")
    func openingsVerify() throws {
        let (sealed, openings) = ContactSeal.seal(try created(), category: nil)
        let decoded = try GongdanJSON.decodeEvent(sealed.canonicalJSONString())
        let values = ContactSeal.values(openings, for: decoded)
        #expect(decoded.opened(with: values).value(of: .phone) == "0775-4331430")
        #expect(decoded.opened(with: values).withheldFields.isEmpty)
        let phone = try #require(openings.first { $0.field == .phone })
        var changed = phone
        changed.value = "13900000000"
        var salted = phone
        salted.salt = String(repeating: "0", count: 32)
        var moved = phone
        moved.field = .contact
        var elsewhere = phone
        elsewhere.event = EventID(origin: "WS", seq: 2)
        for forged in [changed, salted, moved, elsewhere] { #expect(!ContactSeal.verifies(forged, for: decoded)) }
        #expect(ContactSeal.verifies(phone, for: decoded))
    }

    @Test("a push's seals must all be opened, by openings that match, and no sealed value may travel in the clear")
    func pushSealChecks() throws {
        let (sealed, openings) = ContactSeal.seal(try created(), category: nil)
        let decoded = try GongdanJSON.decodeEvent(sealed.canonicalJSONString())
        let opened = try PushValidator.openSeals([decoded], openings: openings)
        #expect(opened.events[0].value(of: .contact) == "黄老板" && opened.openings.count == 2)
        #expect(throws: SyncError.self) { try PushValidator.openSeals([decoded], openings: Array(openings.prefix(1))) }
        #expect(throws: SyncError.self) { try PushValidator.openSeals([sealed], openings: openings) }  // values beside the commitments
        var odd = decoded
        odd.sealed?["summary"] = String(repeating: "a", count: 64)
        #expect(throws: SyncError.self) { try PushValidator.openSeals([odd], openings: openings) }
    }
}
