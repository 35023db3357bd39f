/// The version of the sync protocol, carried in every exchange (`Gongdan-Protocol` header and the
/// `protocol` field of every body). Peers with the same major version interoperate; a minor version
/// only adds optional fields.
public struct ProtocolVersion: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// The version this build speaks.
    /// 1.1 added `notices` to the last pull page (an optional field; 1.0 peers ignore it).
    /// 1.2 added the state's `epoch`, `lastContact` and `credentialExpiresAt`, the state request's
    /// `lastSeq` query parameter and the `credential_expired` refusal.
    /// 1.3 lets the hub fold a 1.3 node's push after answering it: the last pull page carries the
    /// `conflicts` its events raised that no push answer told it of.
    /// 1.4: the hub re-decides every pushed event by the rule table (`rule_violation`,
    /// `causal_past_unknown`); an origin's clock only moves forward (`clock_behind`, ``StampRules``),
    /// and a pull may report the node's last local seq (`&lastSeq=`) so the hub learns its clock floor;
    /// query codes are derived, never carried: a `created` event has no `queryCode` and the state
    /// answer gives the workstation `queryCodeSecret`.
    /// 1.5: contact details travel sealed (``ContactSeal``): an event's signed body commits to them
    /// (`sealed`), their values travel beside it (`openings` of a push and of a pull page) only to the
    /// replicas that may read them (``ContactPrivacy``); the `contactReleased` event.
    /// 1.6: the hub signs every answer to a node that sends a nonce (``HubAnswerSignature``) and reply
    /// bundles for a node that speaks 1.6; the state answer carries the hub's key (`hubKey`), which nodes pin.
    public static let current = ProtocolVersion(major: 1, minor: 6)

    /// The first version whose reply bundles the hub signs with its own key.
    public static let signedAnswers = ProtocolVersion(major: 1, minor: 6)

    /// The first version whose events must seal contact details (the hub refuses them in the clear).
    public static let sealedContacts = ProtocolVersion(major: 1, minor: 5)

    /// The first version whose `created` events carry no query code (the hub refuses one).
    public static let derivedQueryCodes = ProtocolVersion(major: 1, minor: 4)

    /// The first version whose pushes a hub may fold after answering them.
    public static let deferredFolding = ProtocolVersion(major: 1, minor: 3)

    /// The HTTP header that carries the version.
    public static let header = "Gongdan-Protocol"

    /// Parses `"1.0"`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]), major >= 0, minor >= 0 else { return nil }
        self.init(major: major, minor: minor)
    }

    public var description: String { "\(major).\(minor)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.major, lhs.minor) < (rhs.major, rhs.minor) }

    /// Which side a peer is, so a refusal can say who must upgrade.
    public enum Side: Sendable {
        case node, hub
    }

    /// Refuses a peer whose major version differs, saying precisely which side must upgrade.
    /// Same major: any minor interoperates (a minor only adds optional fields).
    public func checkCompatible(withPeer peer: ProtocolVersion, peerIs side: Side = .node) throws(SyncError) {
        guard peer.major != major else { return }
        let peerIsOlder = peer.major < major
        let advice = switch (side, peerIsOlder) {
        case (.node, true): "upgrade gongdan on the node to a version that speaks protocol \(major).x (this hub's)"
        case (.node, false): "upgrade the hub to a gongdan that speaks protocol \(peer.major).x (the node's), or use a gongdan on the node that speaks \(major).x"
        case (.hub, true): "upgrade the hub to a gongdan that speaks protocol \(major).x (this node's), or use a gongdan on this node that speaks \(peer.major).x"
        case (.hub, false): "upgrade gongdan on this node to a version that speaks protocol \(peer.major).x (the hub's)"
        }
        throw SyncError(.unsupportedProtocol,
                        "the \(side == .node ? "node" : "hub") speaks protocol \(peer), this side \(self): \(advice)")
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let version = ProtocolVersion(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "protocol version '\(text)' is not MAJOR.MINOR"))
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
