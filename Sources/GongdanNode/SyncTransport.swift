import GongdanSync

/// How a node reaches the hub. The session logic is the same whatever carries the messages:
/// HTTP in production (`HTTPSyncTransport`), a file for bundles, memory in tests.
public protocol SyncTransport: Sendable {
    /// `GET /api/v1/sync/state`.
    func state() async throws -> SyncState
    /// `POST /api/v1/sync/push`.
    func push(_ batch: OutgoingPush) async throws -> PushResponse
    /// `GET /api/v1/sync/pull?after=&limit=`.
    func pull(after cursor: Int64, limit: Int) async throws -> PullResponse
}
