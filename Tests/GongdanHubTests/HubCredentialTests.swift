import Foundation
import Testing
import GongdanCore
import GongdanSync
import GongdanTesting
@testable import GongdanStore

/// Rekeying a node, its key history, and credentials that expire.
@Suite("Node credentials")
struct HubCredentialTests {
    @Test("a rekeyed node's old token stops working, its next push registers a new key, and old heads still verify")
    func rekeyKeepsKeyHistory() throws {
        // Given DX pushed a signing with its first key
        var hub = try HubFixture()
        defer { hub.remove() }
        var harness = try HubFixture.dispatchedToDongxing()
        try hub.sync(harness, from: "WS")
        try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 11:00"))
        try hub.sync(harness, from: "DX")
        let oldToken = hub.tokens["DX"]!

        // When the operator rekeys DX and DX, with a new key, pushes its next event
        let (node, token) = try hub.store.rekeyNode(code: "dx", at: hub.now)
        hub.tokens["DX"] = token
        hub.keys["DX"] = NodeSigningKey()
        try harness.perform(.contact(note: "电话联系黄老板"), on: "DX", at: Fixtures.cst("2026-09-28 14:00"))
        let answer = try hub.sync(harness, from: "DX")

        // Then the old token is unknown, the new key signs from seq 2, and every head verifies with its own key
        #expect(node.code == "DX" && node.publicKey == nil)
        #expect(try hub.store.authenticate(token: oldToken) == nil)
        #expect(answer.accepted == 1 && answer.hubHas == 2)
        let health = try #require(try hub.store.nodes().first { $0.code == "DX" })
        #expect(health.keys == 2 && health.rekeyedAt == hub.now && health.keyRegistered)
        #expect(try hub.store.verify().isEmpty)
        let firstSeqs = try hub.store.db.read { db in try Int64.fetchAll(db, sql: "SELECT first_seq FROM node_keys WHERE node = 'DX' ORDER BY first_seq") }
        #expect(firstSeqs == [1, 2])
    }

    @Test("rekeying a node that is not registered is refused")
    func rekeyUnknownNode() throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        #expect(throws: HubStoreError.unknownNode(code: "ZZ")) { try hub.store.rekeyNode(code: "ZZ", at: hub.now) }
    }

    @Test("an expired credential is refused with credential_expired, saying to ask for a rekey, and nothing is stored")
    func expiredCredential() throws {
        // Given DX's credential reissued to expire an hour after the fixture's clock
        var hub = try HubFixture()
        defer { hub.remove() }
        var harness = try HubFixture.dispatchedToDongxing()
        try hub.sync(harness, from: "WS")
        let (_, token) = try hub.store.rekeyNode(code: "DX", expiresAt: hub.now.addingTimeInterval(3600), at: hub.now)
        hub.tokens["DX"] = token
        try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 11:00"))
        let push = try hub.push(harness.allEvents.filter { $0.id.origin == "DX" }, from: "DX")
        let before = try hub.counts()

        // When DX pushes two hours later
        let node = try #require(try hub.store.authenticate(token: token))
        let later = hub.now.addingTimeInterval(7200)
        let error = try #require(throws: SyncError.self) { try hub.store.ingest(push, from: node, now: later) }

        // Then the refusal is specific, says what to do, and the hub stored nothing
        #expect(error.code == .expired && error.code.httpStatus == 403)
        #expect(error.message.contains("gongdan hub node rekey DX"))
        #expect(try hub.counts() == before)
        #expect(throws: Never.self) { try node.checkUsable(at: hub.now) }
        let registered = try hub.store.nodes().first { $0.code == "DX" }
        #expect(registered?.expiresAt == hub.now.addingTimeInterval(3600))
    }

    @Test("a credential cannot be issued already expired")
    func expiryInThePast() throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        let error = try #require(throws: HubStoreError.self) {
            try hub.store.registerNode(code: "ZX", role: .township, name: "Z镇", expiresAt: hub.now.addingTimeInterval(-60), at: hub.now)
        }
        #expect(error.description.contains("--expires"))
        #expect(try hub.store.nodes().map(\.code) == ["DX", "QX", "SCJG", "WS"])
    }
}
