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
///
/// A reply for a 1.6 node has a fourth line, `ed25519 SIGNATURE`: the hub's own key signs the
/// payload (``signedBytes(node:payload:)``), so a reply cannot be forged even by someone holding
/// the hub's database (whose `token_hash` is the HMAC key). A node that pinned the hub's key
/// refuses a reply without it.
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
        /// Reply (1.6): the hub's public key, whose signature the file's last line carries.
        public var hubKey: String?

        public init(protocol: ProtocolVersion = .current, kind: Kind, node: String, createdAt: Date, cursor: Int64,
                    pushes: [PushRequest] = [], results: [PushResponse] = [], pages: [PullResponse] = [],
                    policy: SyncedPolicy? = nil, hubKey: String? = nil) {
            self.protocol = `protocol`
            self.kind = kind
            self.node = node
            self.createdAt = createdAt
            self.cursor = cursor
            self.pushes = pushes
            self.results = results
            self.pages = pages
            self.policy = policy
            self.hubKey = hubKey
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

    /// The file's bytes, authenticated with `credentialHash` (hex SHA-256 of the node's token) and,
    /// for a reply to a 1.6 node, signed with the hub's key `signer`.
    public func encoded(credentialHash: String, signedBy signer: NodeSigningKey? = nil) throws -> Data {
        let json = try GongdanJSON.encoder().encode(payload)
        var file = Data((Self.header + "\n").utf8)
        file.append(json)
        file.append(Data(("\n" + Self.proof(of: json, credentialHash: credentialHash) + "\n").utf8))
        if let signer {
            file.append(Data((Self.signaturePrefix + (try signer.sign(Self.signedBytes(node: payload.node, payload: json))) + "\n").utf8))
        }
        return file
    }

    /// The start of a reply's signature line.
    static let signaturePrefix = "ed25519 "

    /// The bytes the hub's signature on a reply covers: `gongdan-bundle/1|NODE|SHA256(payload)`.
    static func signedBytes(node: String, payload: Data) -> Data {
        Data("gongdan-bundle/1|\(node)|\(EventChain.hash(bytes: Array(payload)))".utf8)
    }

    /// The node a bundle file names, read before its proof can be checked (the hub needs it to
    /// find the credential). Throws `malformed_request` when the file is not a bundle.
    public static func node(in file: Data) throws(SyncError) -> String {
        let (payload, _, _) = try parts(of: file)
        return try decodePayload(payload).node
    }

    /// Reads a bundle file, checking its header, its proof with `credentialHash`, its protocol
    /// version and that it is of `kind` for `node`. Nothing is trusted before the proof holds.
    ///
    /// A reply must also carry the hub's signature under `hubKey` (base64), the key the node pinned;
    /// with none pinned, a signature present must verify under the key the reply names (the node then
    /// pins it), and a reply from a hub older than 1.6 carries none.
    public static func decode(_ file: Data, credentialHash: String, kind: Kind, node: String,
                              hubKey: String? = nil) throws(SyncError) -> SyncBundle {
        let (payloadBytes, proof, signature) = try parts(of: file)
        guard HMAC<SHA256>.isValidAuthenticationCode(
            Array(hexDecoded: proof) ?? [], authenticating: payloadBytes, using: key(credentialHash))
        else {
            throw SyncError(.unauthorized, "the bundle's proof does not match node \(node)'s credential: it was altered, or made with another credential — export it again on the node")
        }
        let payload = try decodePayload(payloadBytes)
        if kind == .reply, let key = hubKey ?? (signature == nil ? nil : payload.hubKey) {
            guard let signature,
                  NodeSigningKey.verify(signature: signature, of: signedBytes(node: node, payload: payloadBytes), publicKey: key)
            else {
                throw SyncError(.unauthorized, "the reply bundle is not signed by the hub key this node pinned (fingerprint \(NodeSigningKey.fingerprint(ofPublicKey: key))): it was altered or made elsewhere, and nothing of it was stored — ask the hub operator for a new reply (`gongdan hub bundle import` on the node's push bundle)")
            }
        }
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

    /// The payload, the proof and, on a signed reply, the hub's signature (base64).
    static func parts(of file: Data) throws(SyncError) -> (payload: Data, proof: String, signature: String?) {
        guard file.count <= maxFileBytes else {
            throw SyncError(.tooLarge, "the bundle file is over \(maxFileBytes >> 20) MiB; export smaller bundles more often")
        }
        let notBundle = SyncError(.malformed, "the file is not a gongdan bundle (it must begin with the line '\(header)'); check that you picked the right file")
        var lines = file.split(separator: UInt8(ascii: "\n"), maxSplits: 4, omittingEmptySubsequences: false)
        if lines.count > 3, lines.last?.isEmpty == true { lines.removeLast() }
        guard (3...4).contains(lines.count), String(decoding: lines[0], as: UTF8.self) == header else { throw notBundle }
        var signature: String?
        if lines.count == 4 {
            let line = String(decoding: lines[3], as: UTF8.self)
            guard line.hasPrefix(signaturePrefix) else { throw notBundle }
            signature = String(line.dropFirst(signaturePrefix.count))
        }
        return (Data(lines[1]), String(decoding: lines[2], as: UTF8.self), signature)
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
