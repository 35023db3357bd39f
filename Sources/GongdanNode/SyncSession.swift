import Foundation
import GongdanCore
import GongdanStore
import GongdanSync

/// One sync of a node with the hub: learn what the hub holds, push what it lacks in signed
/// batches, pull the node's feed page by page. Every step is idempotent and resumable: the replica
/// records the hub's acknowledgement after each push and advances its cursor with each applied
/// page in one transaction, so a cut at any point loses and duplicates nothing.
public struct SyncSession: Sendable {
    public let store: ReplicaStore
    public let transport: any SyncTransport
    public let now: @Sendable () -> Date
    /// The gongdan version reported to the hub.
    public let software: String
    /// The words a failure is recorded with for `gongdan status` and the desk (the clerk's language).
    public let describeError: @Sendable (any Error) -> String
    /// Told of the push's and the pull's progress (a terminal's progress bar).
    public var progress: ProgressReporter?

    public init(store: ReplicaStore, transport: any SyncTransport, software: String,
                now: @escaping @Sendable () -> Date = Date.init,
                describeError: @escaping @Sendable (any Error) -> String = { "\($0)" }) {
        self.store = store
        self.transport = transport
        self.software = software
        self.now = now
        self.describeError = describeError
    }

    /// Runs the session; records its outcome (for `gongdan status`) whether it succeeds or not.
    public func run() async throws -> SyncReport {
        do {
            let report = try await exchange()
            try store.recordSyncAttempt(at: now(), error: nil)
            return report
        } catch {
            try? store.recordSyncAttempt(at: now(), error: describeError(error))
            throw error
        }
    }

    func exchange() async throws -> SyncReport {
        let identity = try store.requireIdentity()
        var report = SyncReport()
        // A replica that may be behind the hub on its own events does not report its last seq: the
        // hub keeps what the lost or replaced replica last said (see `gongdan init --recover`).
        let reporting = try store.resyncReason() == nil
        let lastSeq: Int64? = try reporting ? store.lastSeq() : nil
        let state = try await transport.state(reportingLastSeq: lastSeq, policyDigest: try store.hubPolicyDigest())
        try ProtocolVersion.current.checkCompatible(withPeer: state.protocol, peerIs: .hub)
        guard state.node == identity.code else {
            throw SyncClientError.wrongNode(configured: identity.code, hubSays: state.node)
        }
        // The hub's key (1.6): pinned at the first contact when no `--hub-key` gave it, so every later
        // answer must be signed by it (over HTTPS with a pinned CA this first contact is already the hub's).
        if let key = state.hubKey, try store.pinHubKey(key) {
            report.hubKeyPinned = NodeSigningKey.fingerprint(ofPublicKey: key)
        }
        // A hub restored from a backup has a new epoch: its feed may be behind this node's cursor.
        if try store.adoptHubEpoch(state.epoch) { report.feedRestarted = true }
        report.clockOffset = now().timeIntervalSince(state.serverTime)
        // The node's clock moves past the hub's, so an honest node with a slow clock never stamps an
        // event below what the hub knows it has read (`clock_behind`, docs/clocks.md).
        try store.observeHubClock(state.serverTime)
        report.credentialExpiresAt = state.credentialExpiresAt
        // The district policy (1.4): taken before the pull, so what the pull brings is folded with it.
        if let policy = state.policy {
            let adoption = try store.adoptHubPolicy(policy, digest: state.policyDigest ?? policy.digest, asOf: state.serverTime)
            report.policyUpdated = adoption.changed
            report.ticketsRefolded = adoption.refolded
        }
        report.calendarDisagreements = try store.calendarDisagreements()
        // The workstation keeps the district's query-code secret (1.4); a unit is never sent one,
        // and would not keep it if it were.
        if identity.role == .workstation, let text = state.queryCodeSecret, let secret = QueryCodeSecret(base64: text) {
            try store.saveQueryCodeSecret(secret)
        }

        let ownBefore = try store.lastSeq()
        // Push: own events after what the hub holds, in signed batches of their stored bytes.
        // Three pushes in flight when the hub keeps a node's pushes in order (1.3 over HTTP).
        let depth = transport.pipelinesPushes && state.protocol >= .deferredFolding ? 3 : 1
        let pushed = try await PushPipeline(store: store, transport: transport, batchLimit: state.limits.maxPushEvents,
                                            software: software, depth: depth, progress: progress).run(hubHas: state.hubHas)
        report.pushed += pushed.pushed
        report.duplicates += pushed.duplicates
        report.conflicts += pushed.conflicts
        let hubHas = pushed.hubHas
        report.hubHas = hubHas

        // Pull: the node's feed after its cursor, page by page. The next page is asked for as soon
        // as a page arrives, so the hub serves it while this node applies the one in hand (a pull
        // changes nothing at the hub; a page fetched but never applied is simply asked for again).
        var cursor = try store.syncSettings().cursor
        let transport = transport, limit = state.limits.maxPullEvents
        // The first page reports the node's last seq, signed: it has read the hub's clock (the hub's clock floor).
        let ownLastSeq = try store.lastSeq()
        let key = try store.signingKey()
        // A node the hub holds no key of yet (it never pushed) offers its key with the report.
        let read = SignedClockRead(lastSeq: ownLastSeq,
                                   proof: try ClockReadProof.sign(node: identity.code, lastSeq: ownLastSeq, serverTime: state.serverTime, with: key),
                                   publicKey: state.publicKey == nil && pushed.pushed == 0 ? key.publicKey : nil)
        var next: Task<PullResponse, any Error>? = Task { [cursor] in
            try await reporting ? transport.pull(after: cursor, limit: limit, reporting: read)
                                : transport.pull(after: cursor, limit: limit)
        }
        defer { next?.cancel() }
        while let fetching = next {
            let page = try await fetching.value
            let more = page.more && page.cursor > cursor
            next = more ? Task { [cursor = page.cursor] in try await transport.pull(after: cursor, limit: limit) } : nil
            let outcome = try store.applyPull(page, at: now())
            report.merge(outcome.changes)
            report.conflicts += page.conflicts ?? []
            report.pulled += outcome.inserted
            report.pages += 1
            progress?(WorkProgress(.pull, done: Int64(report.pulled)))
            cursor = max(cursor, page.cursor)
        }
        report.cursor = cursor

        // A restored or recovered replica may have been behind the hub on its own events: they
        // came back with the feed; until they have, it records nothing.
        let local = try store.lastSeq()
        if try store.resyncReason() != nil {
            guard local >= state.hubHas else {
                throw SyncClientError.ownEventsMissing(node: identity.code, hubHas: state.hubHas, local: local)
            }
            try store.clearResync()
        }
        report.ownEventsRecovered = max(0, local - ownBefore)
        return report
    }
}
