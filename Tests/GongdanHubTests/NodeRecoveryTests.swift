import Foundation
import Testing
import GongdanCore
import GongdanNode
import GongdanSync
import GongdanTesting
@testable import GongdanStore

/// The refusals of a restored or rebuilt replica's catching up, in memory against a hub file.
@Suite("Node recovery refusals")
struct NodeRecoveryTests {
    /// A transport that claims the hub holds one more of the caller's events than it does.
    struct OverclaimingTransport: SyncTransport {
        let base: DirectSyncTransport
        func state() async throws -> SyncState {
            var state = try await base.state()
            state.hubHas += 1
            return state
        }
        func push(_ batch: OutgoingPush) async throws -> PushResponse { try await base.push(batch) }
        func pull(after cursor: Int64, limit: Int) async throws -> PullResponse { try await base.pull(after: cursor, limit: limit) }
    }

    @Test("init --recover is refused while the hub still holds the lost replica's key, and the replica stays uninitialised")
    func recoverNeedsARekey() async throws {
        // Given DX pushed with its key, and no rekey
        let hub = try HubFixture()
        defer { hub.remove() }
        var harness = try HubFixture.dispatchedToDongxing()
        try hub.sync(harness, from: "WS")
        try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 11:00"))
        try hub.sync(harness, from: "DX")
        let now = hub.now
        let replica = try ReplicaStore(path: hub.directory.path("dx-new.sqlite"))
        let transport = DirectSyncTransport(hub: hub.store, token: hub.tokens["DX"]!, now: { now })

        // When DX's new replica recovers with the old token
        let recovery = NodeRecovery(store: replica, transport: transport, hubURL: "http://127.0.0.1:9", token: hub.tokens["DX"]!,
                                    software: "test", now: { now })
        let error = try await #require(throws: SyncClientError.self) { try await recovery.run() }

        // Then the refusal names the rekey, and nothing was made
        #expect(error == .keyStillRegistered(node: "DX") && error.description.contains("gongdan hub node rekey DX"))
        #expect(try replica.identity() == nil)
    }

    @Test("a replica that cannot get all its own events back keeps refusing new events, with a specific error")
    func missingOwnEventsKeepTheNodeBlocked() async throws {
        // Given a ticket dispatched to DX at the hub, and DX's replica just restored
        let hub = try HubFixture()
        defer { hub.remove() }
        try hub.sync(try HubFixture.dispatchedToDongxing(), from: "WS")
        let now = hub.now
        let replica = try ReplicaStore()
        try NodeService(store: replica, person: "李", now: { now }).initialize(role: .township, code: "DX", name: "东兴镇")
        try replica.requireResync(.restored)

        // When a sync meets a hub that holds more of DX's events than its feed gives back
        let transport = OverclaimingTransport(base: DirectSyncTransport(hub: hub.store, token: hub.tokens["DX"]!, now: { now }))
        let session = SyncSession(store: replica, transport: transport, software: "test", now: { now })
        let error = try await #require(throws: SyncClientError.self) { try await session.run() }

        // Then the error says so, and the replica still refuses to record
        #expect(error == .ownEventsMissing(node: "DX", hubHas: 1, local: 0))
        #expect(try replica.resyncReason() == .restored && replica.lastSeq() == 0)
    }
}
