import Foundation
import GongdanCore
import GongdanStore
import GongdanSync

/// Re-initialises a node whose replica was lost, from the hub (`gongdan init --recover`): the
/// node's role, code and name come from the hub; it makes a new Ed25519 key; it receives its whole
/// scope and its own events back; it continues its seq and hash chain from the hub's head. It is
/// told which of its events, if any, never reached the hub (``RecoveryReport``).
///
/// The hub operator must first issue a new credential (`gongdan hub node rekey CODE`), which also
/// lets the node register its new key.
public struct NodeRecovery: Sendable {
    public let store: ReplicaStore
    public let transport: any SyncTransport
    public let hubURL: String
    public let token: String
    /// The hub's CA certificate (PEM) to pin, if any (`init --recover --hub-ca`).
    public let hubCA: String?
    /// The hub's signing key (base64) to pin, if given (`init --recover --hub-key`): the hub must present it.
    public let hubKey: String?
    public let software: String
    public let now: @Sendable () -> Date
    /// Told how many events the rebuild has fetched.
    public var progress: ProgressReporter?

    public init(store: ReplicaStore, transport: any SyncTransport, hubURL: String, token: String, hubCA: String? = nil,
                hubKey: String? = nil, software: String, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.transport = transport
        self.hubURL = hubURL
        self.token = token
        self.hubCA = hubCA
        self.hubKey = hubKey
        self.software = software
        self.now = now
    }

    /// What a recovery did.
    public struct Outcome: Sendable {
        public var identity: NodeIdentity
        public var report: RecoveryReport
        public var sync: SyncReport
    }

    public func run() async throws -> Outcome {
        if let existing = try store.identity() { throw StoreError.alreadyInitialized(path: store.path, node: existing.code) }
        let state = try await transport.state()
        try ProtocolVersion.current.checkCompatible(withPeer: state.protocol, peerIs: .hub)
        guard state.publicKey == nil else { throw SyncClientError.keyStillRegistered(node: state.node) }
        if let hubKey, state.hubKey != hubKey {
            throw SyncClientError.answerNotSigned(url: hubURL, fingerprint: NodeSigningKey.fingerprint(ofPublicKey: hubKey))
        }
        let service = NodeService(store: store, person: "recovery", now: now)
        let identity = try service.initialize(role: state.role, code: state.node, name: state.name ?? state.node)
        try store.setRemote(hubURL: hubURL, token: token, hubCA: hubCA, hubKey: hubKey)
        try store.requireResync(.recovered)
        let report = RecoveryReport(node: identity.code, hubHas: state.hubHas, lastContact: state.lastContact, recoveredAt: now())
        try store.saveRecovery(report)
        var session = SyncSession(store: store, transport: transport, software: software, now: now)
        if let report = progress {
            session.progress = { step in report(WorkProgress(.recover, done: step.done, total: step.total)) }
        }
        let sync = try await session.run()
        return Outcome(identity: identity, report: report, sync: sync)
    }
}
