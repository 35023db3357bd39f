import Foundation
import GongdanCore

/// The signed head of an origin's event chain: the origin's Ed25519 signature over
/// `"gongdan-head/1|ORIGIN|SEQ|HASH"`, which vouches for every event up to `seq` through the hash chain.
public struct SignedHead: Hashable, Sendable, Codable {
    public var origin: String
    public var seq: Int64
    /// Hex SHA-256 of the canonical bytes of event `(origin, seq)`.
    public var hash: String
    /// Base64 Ed25519 signature.
    public var signature: String

    public init(origin: String, seq: Int64, hash: String, signature: String) {
        self.origin = origin
        self.seq = seq
        self.hash = hash
        self.signature = signature
    }

    /// The bytes the signature covers.
    public var signedBytes: Data { Data("gongdan-head/1|\(origin)|\(seq)|\(hash)".utf8) }
}

/// `GET /api/v1/sync/state`: what the hub holds of the calling node, and the directory.
public struct SyncState: Hashable, Sendable, Codable {
    public var `protocol`: ProtocolVersion
    public var node: String
    public var role: Role
    /// The highest seq of the caller's events the hub holds (contiguous from 1).
    public var hubHas: Int64
    /// Hash of that event, the `prev` of the next one.
    public var hubHeadHash: String?
    /// The public key the hub has registered for the caller, if any (base64).
    public var publicKey: String?
    public var serverTime: Date
    public var limits: SyncLimits
    public var units: [HandlingUnit]
    /// The hub database's epoch (1.2): it changes when the hub is restored from a backup, and a
    /// node that sees a new one pulls its feed again from cursor 0. Absent before any restore.
    public var epoch: String?
    /// What the caller reported at its last contact before this one (1.2): its last local seq and
    /// when. Tells a node re-initialised from the hub which of its events never reached the hub.
    public var lastContact: ReportedContact?
    /// When the caller's credential expires (1.2), if it does.
    public var credentialExpiresAt: Date?
    /// The caller's display name as registered (1.2), for `gongdan init --recover`.
    public var name: String?
    /// The digest of the district policy the hub holds (1.4, §5.7): ``SyncedPolicy/digest``.
    public var policyDigest: String?
    /// The district policy itself (1.4, §5.7), when the caller's `?policy=` digest differs from the hub's.
    public var policy: SyncedPolicy?
    /// The district's query-code secret, base64 (1.4), sent to the workstation only and absent for
    /// every township or department: the workstation derives the entity's query codes
    /// (``QueryCodeSecret``); a unit must never be able to.
    public var queryCodeSecret: String?
    /// The hub's own Ed25519 public key (base64, 1.6): the key of the `HUB` origin, which signs every
    /// answer (``HubAnswerSignature``). A node pins it at its first contact unless it was given one.
    public var hubKey: String?

    public init(protocol: ProtocolVersion = .current, node: String, role: Role, hubHas: Int64, hubHeadHash: String?,
                publicKey: String?, serverTime: Date, limits: SyncLimits, units: [HandlingUnit],
                epoch: String? = nil, lastContact: ReportedContact? = nil, credentialExpiresAt: Date? = nil,
                name: String? = nil, policyDigest: String? = nil, policy: SyncedPolicy? = nil, queryCodeSecret: String? = nil,
                hubKey: String? = nil) {
        self.protocol = `protocol`
        self.node = node
        self.role = role
        self.hubHas = hubHas
        self.hubHeadHash = hubHeadHash
        self.publicKey = publicKey
        self.serverTime = serverTime
        self.limits = limits
        self.units = units
        self.epoch = epoch
        self.lastContact = lastContact
        self.credentialExpiresAt = credentialExpiresAt
        self.name = name
        self.policyDigest = policyDigest
        self.policy = policy
        self.queryCodeSecret = queryCodeSecret
        self.hubKey = hubKey
    }
}

/// `POST /api/v1/sync/push`: a change set of the caller's own events, contiguous by seq.
public struct PushRequest: Hashable, Sendable, Codable {
    public var `protocol`: ProtocolVersion
    public var node: String
    public var events: [TicketEvent]
    /// The signed head covering the last event of the batch.
    public var head: SignedHead?
    /// The node's public key (base64), registered at the first push made with the node's credential.
    public var publicKey: String?
    /// Events the node still holds unsent after this batch (shown on the hub's node-health view).
    public var backlog: Int
    /// The node's gongdan version, for the hub's node list.
    public var software: String
    /// The values of the batch's sealed fields (1.5): each event's every sealed field, opened.
    public var openings: [SealOpening]?

    public init(protocol: ProtocolVersion = .current, node: String, events: [TicketEvent], head: SignedHead?,
                publicKey: String?, backlog: Int, software: String, openings: [SealOpening]? = nil) {
        self.protocol = `protocol`
        self.node = node
        self.events = events
        self.head = head
        self.publicKey = publicKey
        self.backlog = backlog
        self.software = software
        self.openings = openings
    }
}

/// What the hub did with a push.
public struct PushResponse: Hashable, Sendable, Codable {
    public var `protocol`: ProtocolVersion
    public var accepted: Int
    /// Events the hub already held (a replayed batch): harmless.
    public var duplicates: Int
    /// The highest contiguous seq of the caller the hub now holds.
    public var hubHas: Int64
    /// Conflicts the batch raised (also in the hub's queue).
    public var conflicts: [ConflictNotice]

    public init(protocol: ProtocolVersion = .current, accepted: Int, duplicates: Int, hubHas: Int64,
                conflicts: [ConflictNotice]) {
        self.protocol = `protocol`
        self.accepted = accepted
        self.duplicates = duplicates
        self.hubHas = hubHas
        self.conflicts = conflicts
    }
}

/// `GET /api/v1/sync/pull?after=CURSOR&limit=N`: the next page of the caller's feed.
public struct PullResponse: Hashable, Sendable, Codable {
    public var `protocol`: ProtocolVersion
    /// Events in feed order; a ticket entering the caller's scope arrives with its whole history.
    public var events: [TicketEvent]
    /// The feed position of the last event returned (the `after` of the next pull).
    public var cursor: Int64
    /// Whether more events wait past `cursor`.
    public var more: Bool
    /// Signed heads covering the events, so the node can check provenance.
    public var heads: [SignedHead]
    /// The unit directory as the hub holds it.
    public var units: [HandlingUnit]
    /// On the last page of a pull (`more` false), the supervision notices for the caller (1.1);
    /// absent on other pages and from 1.0 hubs.
    public var notices: [SyncedNotice]?
    /// On the last page of a pull, the conflicts the caller's events raised that no push answer
    /// told it of (1.3: a hub may fold a push after answering it); absent when there are none.
    public var conflicts: [ConflictNotice]?
    /// The values of sealed fields the caller may read (1.5, ``ContactPrivacy``): for each ticket of
    /// the page it may read, every opening the hub holds (events the caller does not hold yet included).
    public var openings: [SealOpening]?

    public init(protocol: ProtocolVersion = .current, events: [TicketEvent], cursor: Int64, more: Bool,
                heads: [SignedHead], units: [HandlingUnit], notices: [SyncedNotice]? = nil,
                conflicts: [ConflictNotice]? = nil, openings: [SealOpening]? = nil) {
        self.protocol = `protocol`
        self.events = events
        self.cursor = cursor
        self.more = more
        self.heads = heads
        self.units = units
        self.notices = notices
        self.conflicts = conflicts
        self.openings = openings
    }
}

/// A conflict the hub recorded, as the node and the conflict queue see it.
public struct ConflictNotice: Hashable, Sendable, Codable {
    public var id: Int64
    public var ticket: String
    public var kind: ConflictKind
    public var summary: String

    public init(id: Int64, ticket: String, kind: ConflictKind, summary: String) {
        self.id = id
        self.ticket = ticket
        self.kind = kind
        self.summary = summary
    }
}

/// The body of every refusal.
public struct ErrorResponse: Hashable, Sendable, Codable {
    public var `protocol`: ProtocolVersion
    public var error: SyncError

    public init(protocol: ProtocolVersion = .current, error: SyncError) {
        self.protocol = `protocol`
        self.error = error
    }
}
