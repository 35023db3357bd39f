import GongdanSync

/// How a node reaches the hub. The session logic is the same whatever carries the messages:
/// HTTP in production (`HTTPSyncTransport`), a file for bundles, memory in tests.
public protocol SyncTransport: Sendable {
    /// `GET /api/v1/sync/state`.
    func state() async throws -> SyncState
    /// `GET /api/v1/sync/state?lastSeq=N` (1.2): also tells the hub this node's last local seq, so
    /// that if this replica is lost the hub can say which of its events never arrived.
    func state(reportingLastSeq lastSeq: Int64) async throws -> SyncState
    /// `GET /api/v1/sync/state?lastSeq=N&policy=DIGEST` (1.4): also says which district policy this
    /// node holds, so the hub sends the policy only when it differs. `lastSeq` nil reports no seq.
    func state(reportingLastSeq lastSeq: Int64?, policyDigest: String?) async throws -> SyncState
    /// `POST /api/v1/sync/push`.
    func push(_ batch: OutgoingPush) async throws -> PushResponse
    /// `GET /api/v1/sync/pull?after=&limit=`.
    func pull(after cursor: Int64, limit: Int) async throws -> PullResponse
    /// `GET /api/v1/sync/pull?after=&limit=&lastSeq=N` (1.4) with `Gongdan-Clock-Read: PROOF` (1.6): also
    /// tells the hub this node's last local seq, once the node has read the hub's clock in its state
    /// answer, signed (``GongdanSync/ClockReadProof``), so the hub knows the floor of the stamps of the
    /// events the node makes from now on (``GongdanSync/ClockFloor``).
    func pull(after cursor: Int64, limit: Int, reporting read: SignedClockRead) async throws -> PullResponse
}

extension SyncTransport {
    /// Whether the next push may be sent before the answer to the one before (``PushPipeline``).
    public var pipelinesPushes: Bool { false }

    /// Transports that cannot carry the report ask for the plain state.
    public func state(reportingLastSeq lastSeq: Int64) async throws -> SyncState { try await state() }

    /// Transports that cannot carry the digest ask without it (the hub then always sends its policy).
    public func state(reportingLastSeq lastSeq: Int64?, policyDigest: String?) async throws -> SyncState {
        if let lastSeq { return try await state(reportingLastSeq: lastSeq) }
        return try await state()
    }

    /// Transports that cannot carry the report ask for the plain page (bundles record no clock floor).
    public func pull(after cursor: Int64, limit: Int, reporting read: SignedClockRead) async throws -> PullResponse {
        try await pull(after: cursor, limit: limit)
    }
}
