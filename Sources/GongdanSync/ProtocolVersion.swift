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
    public static let current = ProtocolVersion(major: 1, minor: 1)

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

    /// Refuses a peer whose major version differs, saying which side must upgrade.
    public func checkCompatible(withPeer peer: ProtocolVersion) throws(SyncError) {
        guard peer.major == major else {
            throw SyncError(.unsupportedProtocol,
                            "protocol \(peer) is not supported (this side speaks \(self)); "
                                + (peer.major < major ? "upgrade gongdan on the node" : "upgrade the hub"))
        }
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
