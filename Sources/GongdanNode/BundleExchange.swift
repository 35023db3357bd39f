import Foundation
import GongdanCore
import GongdanStore
import GongdanSync

/// Sync on a file, for a node that cannot reach the hub for weeks (`gongdan bundle export` /
/// `gongdan bundle import`): the same signed batches and pull pages as HTTP sync, carried by a
/// ``GongdanSync/SyncBundle`` authenticated with the node's credential.
public struct BundleExchange: Sendable {
    public let store: ReplicaStore
    public let software: String

    public init(store: ReplicaStore, software: String) {
        self.store = store
        self.software = software
    }

    /// What an export wrote.
    public struct Export: Sendable {
        public var file: Data
        public var events: Int
        public var batches: Int
        public var cursor: Int64
    }

    /// The bundle of every event the hub has not acknowledged, in signed batches of at most
    /// `batchSize`, with the node's pull cursor. Exporting again before a reply comes back writes
    /// the same events again (and any new ones): the hub takes each event once.
    public func export(now: Date, batchSize: Int = SyncLimits.default.maxPushEvents, progress: ProgressReporter? = nil) throws -> Export {
        let identity = try store.requireIdentity()
        let settings = try store.syncSettings()
        guard let token = settings.token else { throw SyncClientError.notConfigured }
        var pushes: [PushRequest] = []
        var seq = settings.hubHas, events = 0
        while let batch = try store.nextPush(after: seq, limit: batchSize, software: software) {
            pushes.append(try batch.request())
            events += batch.bodies.count
            seq = batch.lastSeq
            progress?(WorkProgress(.export, done: Int64(events), total: settings.unsent))
        }
        let bundle = SyncBundle(.init(kind: .push, node: identity.code, createdAt: now, cursor: settings.cursor, pushes: pushes))
        return Export(file: try bundle.encoded(credentialHash: EventChain.hash(bytes: Array(token.utf8))), events: events,
                      batches: pushes.count, cursor: settings.cursor)
    }

    /// What importing a reply did.
    public struct Import: Sendable, Equatable {
        public var hubHas: Int64
        public var pulled: Int
        public var alreadyHeld: Int
        public var cursor: Int64
        public var conflicts: [ConflictNotice]
        /// Whether the reply carried a district policy other than the one held here (1.4).
        public var policyUpdated = false
        /// Years loaded on this node that the hub loaded with other days: the hub's schedules are used.
        public var calendarDisagreements: [CalendarDisagreement] = []
    }

    /// Applies the hub's reply: records what the hub holds of this node's events and applies the
    /// pages in order, each with its cursor in one transaction, exactly as a pull would, after taking
    /// the district policy the reply carries. A reply
    /// imported twice, or an older one after a newer, changes nothing.
    public func importReply(_ file: Data, now: Date, progress: ProgressReporter? = nil) throws -> Import {
        let identity = try store.requireIdentity()
        let pinned = try store.syncSettings()
        guard let token = pinned.token else { throw SyncClientError.notConfigured }
        let bundle: SyncBundle
        do {
            bundle = try SyncBundle.decode(file, credentialHash: EventChain.hash(bytes: Array(token.utf8)), kind: .reply,
                                           node: identity.code, hubKey: pinned.hubKey)
        } catch {
            throw SyncClientError.refused(error)
        }
        // A node that never met the hub online pins the key its first signed reply names (checked above).
        if pinned.hubKey == nil, let key = bundle.payload.hubKey { try store.pinHubKey(key) }
        // The district policy first, so the pages are folded with it.
        var policyUpdated = false
        if let policy = bundle.payload.policy {
            policyUpdated = try store.adoptHubPolicy(policy, digest: policy.digest, asOf: bundle.payload.createdAt).changed
        }
        let settings = try store.syncSettings()
        let hubHas = bundle.payload.results.map(\.hubHas).max() ?? 0
        if hubHas > settings.hubHas { try store.acknowledgePush(hubHas: min(hubHas, settings.lastSeq)) }
        var pulled = 0, held = 0
        let total = Int64(bundle.payload.pages.reduce(0) { $0 + $1.events.count })
        for page in bundle.payload.pages {
            let outcome = try store.applyPull(page, at: now)
            pulled += outcome.inserted
            held += outcome.duplicates
            progress?(WorkProgress(.importBundle, done: Int64(pulled + held), total: total))
        }
        try store.recordSyncAttempt(at: now, error: nil)
        return Import(hubHas: max(hubHas, settings.hubHas), pulled: pulled, alreadyHeld: held,
                      cursor: try store.syncSettings().cursor, conflicts: bundle.payload.results.flatMap(\.conflicts),
                      policyUpdated: policyUpdated, calendarDisagreements: try store.calendarDisagreements())
    }
}
