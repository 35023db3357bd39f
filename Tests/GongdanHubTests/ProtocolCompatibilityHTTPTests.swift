import Foundation
import Testing
import GongdanCore
import GongdanSync
import GongdanTesting
@testable import GongdanStore

/// Nodes one protocol version behind keep syncing over real HTTP; the hub records what each speaks.
@Suite("Protocol compatibility over HTTP", .timeLimit(.minutes(1)))
struct ProtocolCompatibilityHTTPTests {
    @Test("a 1.0 node pushes and pulls over HTTP, and the hub lists each node's protocol and software")
    func olderMinorKeepsSyncing() async throws {
        try await HubHTTPTests().withHub { hub, client in
            // Given the workstation speaking 1.0 in header and body
            let decoder = GongdanJSON.decoder()
            let harness = try HubFixture.dispatchedToDongxing()
            var push = try hub.push(harness.allEvents.filter { $0.id.origin == "WS" }, from: "WS")
            push.protocol = ProtocolVersion(major: 1, minor: 0)

            // When it asks its state, pushes and DX (also at 1.0) pulls
            let state = try await client.send("GET", "/api/v1/sync/state", token: hub.tokens["WS"]!, protocolHeader: "1.0")
            let pushed = try await client.send("POST", "/api/v1/sync/push", token: hub.tokens["WS"]!, protocolHeader: "1.0",
                                               body: try GongdanJSON.encoder().encode(push))
            let pulled = try await client.send("GET", "/api/v1/sync/pull?after=0", token: hub.tokens["DX"]!, protocolHeader: "1.0")

            // Then every exchange succeeds, a 1.0 reader finds the fields it knows
            #expect(state.status == 200 && pushed.status == 200 && pulled.status == 200)
            let legacy = try JSONSerialization.jsonObject(with: state.body) as? [String: Any]
            #expect(legacy?["hubHas"] as? Int == 0 && legacy?["node"] as? String == "WS")
            #expect(try decoder.decode(PushResponse.self, from: pushed.body).accepted == 2)
            #expect(try decoder.decode(PullResponse.self, from: pulled.body).events.count == 2)
            // and the hub lists what each node speaks
            let nodes = Dictionary(uniqueKeysWithValues: try hub.store.nodes().map { ($0.code, $0) })
            #expect(nodes["WS"]?.protocol == "1.0" && nodes["WS"]?.software == "gongdan-tests")
            #expect(nodes["DX"]?.protocol == nil, "a pull alone does not record the version")
        }
    }

    @Test("a node reports its last seq with its state, and learns what it reported at its previous contact")
    func lastContactIsReported() async throws {
        try await HubHTTPTests().withHub { hub, client in
            let first = try await client.send("GET", "/api/v1/sync/state?lastSeq=5", token: hub.tokens["DX"]!, protocolHeader: "1.2")
            let second = try await client.send("GET", "/api/v1/sync/state", token: hub.tokens["DX"]!, protocolHeader: "1.2")
            let decoder = GongdanJSON.decoder()
            #expect(try decoder.decode(SyncState.self, from: first.body).lastContact == nil)
            let state = try decoder.decode(SyncState.self, from: second.body)
            #expect(state.lastContact == ReportedContact(lastSeq: 5, at: hub.now) && state.name == "东兴镇")
            #expect(try hub.store.nodes().first { $0.code == "DX" }?.protocol == "1.2")
        }
    }

    @Test("an expired credential gets 403 credential_expired over HTTP")
    func expiredOverHTTP() async throws {
        try await HubHTTPTests().withHub { hub, client in
            // Given QX's credential, reissued an hour ago to expire a minute ago
            let (_, token) = try hub.store.rekeyNode(code: "QX", expiresAt: hub.now.addingTimeInterval(-60),
                                                     at: hub.now.addingTimeInterval(-3600))
            let expired = try await client.send("GET", "/api/v1/sync/state", token: token, protocolHeader: "1.2")
            #expect(expired.status == 403)
            #expect(try client.error(expired.body).code == .expired)
        }
    }

    @Test("a node two major versions apart is told precisely who must upgrade")
    func majorVersionAdvice() throws {
        let older = try #require(throws: SyncError.self) {
            try ProtocolVersion.current.checkCompatible(withPeer: ProtocolVersion(major: 0, minor: 9), peerIs: .node)
        }
        #expect(older.code == .unsupportedProtocol && older.message.contains("upgrade gongdan on the node"))
        let newerHub = try #require(throws: SyncError.self) {
            try ProtocolVersion.current.checkCompatible(withPeer: ProtocolVersion(major: 2, minor: 0), peerIs: .hub)
        }
        #expect(newerHub.message.contains("upgrade gongdan on this node"))
        let olderHub = try #require(throws: SyncError.self) {
            try ProtocolVersion.current.checkCompatible(withPeer: ProtocolVersion(major: 0, minor: 1), peerIs: .hub)
        }
        #expect(olderHub.message.contains("upgrade the hub"))
    }
}
