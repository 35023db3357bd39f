import Crypto
import Foundation
import GongdanCore

/// A sync exchange carried on a file (a USB stick) for a node that stays offline for weeks: the
/// node's unsent change set going to the hub (`push`), and the hub's answer coming back (`reply`).
///
/// The same messages as HTTP sync, under the same rules: the pushes are the signed batches the
/// node would send, and the reply holds the push results and the pull pages after the cursor the
/// node exported with. Applying a bundle twice, or an older one after a newer, changes nothing.
///
/// A file is three lines: the header `GONGDAN-BUNDLE 1`, the payload as one line of JSON, and the
/// hex HMAC-SHA256 of exactly the payload's bytes, keyed with the node's credential as the hub
/// keeps it (the hex SHA-256 of the bearer token). Only the holder of the node's credential and
/// the hub can make a bundle the other side accepts; the events inside are still checked against
/// their hash chains and signed heads, as over HTTP.
public struct SyncBundle: Sendable, Equatable {
    /// Which way the bundle goes.
    public enum Kind: String, Codable, Sendable {
        /// Node to hub: the unsent change set.
        case push
        /// Hub to node: what the hub accepted and the node's feed after its cursor.
        case reply
    }

    /// What a bundle carries.
    public struct Payload: Codable, Sendable, Equatable {
        public var `protocol`: ProtocolVersion
        public var kind: Kind
        /// The node the bundle is from (push) or for (reply).
        public var node: String
        public var createdAt: Date
        /// Push: the node's pull cursor when it exported, so the reply starts after it.
        /// Reply: the cursor after the last page.
        public var cursor: Int64
        /// Push: the signed batches, ascending seq.
        public var pushes: [PushRequest]
        /// Reply: the hub's answer to each push.
        public var results: [PushResponse]
        /// Reply: the node's feed after the push's cursor, page by page.
        public var pages: [PullResponse]
        /// Reply (1.4): the district policy the hub holds, so an offline node gets it too (§5.7).
        public var policy: SyncedPolicy?

        public init(protocol: ProtocolVersion = .current, kind: Kind, node: String, createdAt: Date, cursor: Int64,
                    pushes: [PushRequest] = [], results: [PushResponse] = [], pages: [PullResponse] = [],
                    policy: SyncedPolicy? = nil) {
            self.protocol = `protocol`
            self.kind = kind
            self.node = node
            self.createdAt = createdAt
            self.cursor = cursor
            self.pushes = pushes
            self.results = results
            self.pages = pages
            self.policy = policy
        }
    }

    /// The first line of every bundle file.
    public static let header = "GONGDAN-BUNDLE 1"
    /// The largest bundle file read (about a year of a busy township's events).
    public static let maxFileBytes = 512 << 20

    public var payload: Payload

    public init(_ payload: Payload) {
        self.payload = payload
    }

    /// The file's bytes, authenticated with `credentialHash` (hex SHA-256 of the node's token).
    public func encoded(credentialHash: String) throws -> Data {
        let json = try GongdanJSON.encoder().encode(payload)
        var file = Data((Self.header + "\n").utf8)
        file.append(json)
        file.append(Data(("\n" + Self.proof(of: json, credentialHash: credentialHash) + "\n").utf8))
        return file
    }

    /// The node a bundle file names, read before its proof can be checked (the hub needs it to
    /// find the credential). Throws `malformed_request` when the file is not a bundle.
    public static func node(in file: Data) throws(SyncError) -> String {
        let (payload, _) = try parts(of: file)
        return try decodePayload(payload).node
    }

    /// Reads a bundle file, checking its header, its proof with `credentialHash`, its protocol
    /// version and that it is of `kind` for `node`. Nothing is trusted before the proof holds.
    public static func decode(_ file: Data, credentialHash: String, kind: Kind, node: String) throws(SyncError) -> SyncBundle {
        let (payloadBytes, proof) = try parts(of: file)
        guard HMAC<SHA256>.isValidAuthenticationCode(
            Array(hexDecoded: proof) ?? [], authenticating: payloadBytes, using: key(credentialHash))
        else {
            throw SyncError(.unauthorized, "the bundle's proof does not match node \(node)'s credential: it was altered, or made with another credential — export it again on the node")
        }
        let payload = try decodePayload(payloadBytes)
        try ProtocolVersion.current.checkCompatible(withPeer: payload.protocol)
        guard payload.kind == kind else {
            throw SyncError(.malformed, "this is a \(payload.kind.rawValue) bundle, not a \(kind.rawValue) bundle: "
                + (kind == .push ? "the hub imports what a node exported (`gongdan bundle export`)" : "a node imports the reply the hub wrote (`gongdan hub bundle import`)"))
        }
        guard payload.node == node else {
            throw SyncError(.originMismatch, "the bundle is for node \(payload.node), not \(node)")
        }
        return SyncBundle(payload)
    }

    // MARK: - Parts

    static func parts(of file: Data) throws(SyncError) -> (payload: Data, proof: String) {
        guard file.count <= maxFileBytes else {
            throw SyncError(.tooLarge, "the bundle file is over \(maxFileBytes >> 20) MiB; export smaller bundles more often")
        }
        let lines = file.split(separator: UInt8(ascii: "\n"), maxSplits: 3, omittingEmptySubsequences: false)
        guard lines.count >= 3, String(decoding: lines[0], as: UTF8.self) == header,
              lines.count == 3 || (lines.count == 4 && lines[3].isEmpty)
        else {
            throw SyncError(.malformed, "the file is not a gongdan bundle (it must begin with the line '\(header)'); check that you picked the right file")
        }
        return (Data(lines[1]), String(decoding: lines[2], as: UTF8.self))
    }

    static func decodePayload(_ bytes: Data) throws(SyncError) -> Payload {
        do {
            return try GongdanJSON.decodeStrictly(Payload.self, from: bytes)
        } catch {
            throw SyncError(.malformed, "the bundle's content is not readable (\(error)); export it again")
        }
    }

    static func key(_ credentialHash: String) -> SymmetricKey {
        SymmetricKey(data: Array(credentialHash.utf8))
    }

    static func proof(of payload: Data, credentialHash: String) -> String {
        EventChain.hex(Array(HMAC<SHA256>.authenticationCode(for: payload, using: key(credentialHash))))
    }
}

extension Array where Element == UInt8 {
    /// The bytes a lower- or upper-case hex string spells; nil when it is not hex.
    init?(hexDecoded text: String) {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self = bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
