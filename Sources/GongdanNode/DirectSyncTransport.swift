import Foundation
import GongdanCore
import GongdanStore
import GongdanSync

/// The sync protocol without a network: each call goes straight to a ``GongdanStore/HubStore`` in
/// the same process, for simulations and tests that want many nodes and many sessions quickly.
///
/// It behaves like ``HTTPSyncTransport`` against a hub: the bearer token is authenticated on every
/// call, refusals arrive as ``SyncClientError/refused(_:)``, and (with `wire`, the default) every
/// request and answer is encoded to JSON and decoded back, so what the hub stores and the node
/// applies went through the same bytes as on the wire.
///
/// ```swift
/// let transport = DirectSyncTransport(hub: hub, token: token, now: { clock.now })
/// let report = try await SyncSession(store: replica, transport: transport, software: "sim").run()
/// ```
public struct DirectSyncTransport: SyncTransport {
    public let hub: HubStore
    let token: String
    /// The hub's clock.
    public let now: @Sendable () -> Date
    /// Whether messages make a JSON round trip, as over HTTP.
    public let wire: Bool
    /// When the hub folds a push: before answering (a 1.0–1.2 hub, or any hub's bundles), or after
    /// (a 1.3 hub over HTTP), when the conflicts it raises arrive with the pull.
    public let projection: HubStore.ProjectionTiming

    public init(hub: HubStore, token: String, wire: Bool = true, projection: HubStore.ProjectionTiming = .immediate,
                now: @escaping @Sendable () -> Date = Date.init) {
        self.hub = hub
        self.token = token
        self.wire = wire
        self.projection = projection
        self.now = now
    }

    public func state() async throws -> SyncState {
        let node = try caller()
        let time = now()
        return try relay { try hub.syncState(for: node, now: time) }
    }

    public func state(reportingLastSeq lastSeq: Int64) async throws -> SyncState {
        let node = try caller()
        let time = now()
        return try relay { try hub.syncState(for: node, now: time, reportedLastSeq: lastSeq) }
    }

    public func state(reportingLastSeq lastSeq: Int64?, policyDigest: String?) async throws -> SyncState {
        let node = try caller()
        let time = now()
        return try relay { try hub.syncState(for: node, now: time, reportedLastSeq: lastSeq, policyDigest: policyDigest) }
    }

    public func push(_ batch: OutgoingPush) async throws -> PushResponse {
        let node = try caller()
        let sent = try batch.request()
        let time = now()
        return try relay { try hub.ingest(sent, from: node, now: time, projection: projection) }
    }

    public func pull(after cursor: Int64, limit: Int) async throws -> PullResponse {
        let node = try caller()
        return try relay { try hub.pull(for: node, after: cursor, limit: limit) }
    }

    public func pull(after cursor: Int64, limit: Int, reporting read: SignedClockRead) async throws -> PullResponse {
        let node = try caller()
        return try relay { try hub.pull(for: node, after: cursor, limit: limit, clockRead: read) }
    }

    /// The node the token belongs to, refused as the HTTP hub would refuse it.
    func caller() throws -> RegisteredNode {
        let node: RegisteredNode?
        do {
            node = try hub.authenticate(token: token)
        } catch {
            throw SyncClientError.refused(error)
        }
        guard let node else {
            throw SyncClientError.refused(SyncError(.unauthorized, "the bearer token is not one this hub issued"))
        }
        do {
            try node.checkUsable(at: now())
        } catch {
            throw SyncClientError.refused(error)
        }
        return node
    }

    /// Runs a hub call; a protocol refusal becomes the client's error, the answer crosses the wire.
    func relay<Response: Codable>(_ call: () throws -> Response) throws -> Response {
        let answer: Response
        do {
            answer = try call()
        } catch let error as SyncError {
            throw SyncClientError.refused(error)
        }
        return try carry(answer)
    }

    /// `value` after a JSON round trip (or as it is without `wire`).
    func carry<Value: Codable>(_ value: Value) throws -> Value {
        guard wire else { return value }
        return try GongdanJSON.decoder().decode(Value.self, from: try GongdanJSON.encoder().encode(value))
    }
}
