import Foundation

/// A node's proof that it read the hub's clock (protocol 1.6, `sync-protocol/README.md` §5.3.2).
///
/// The hub learns a node's clock floor from the node's first pull after a state answer: every event the
/// node makes after its last seq then is stamped at or above the clock it was answered. A report that
/// only the token backs could be replayed by anyone holding the token (or watching plain HTTP) to move the
/// floor past events the node made meanwhile, so that its next sync is refused. So the node signs the
/// report with its own Ed25519 key — the one the hub registered — over its last seq and the clock it was
/// answered; the hub records a floor only from a report that verifies under that key and names the clock
/// of the node's latest state answer.
public enum ClockReadProof {
    /// The pull request header that carries the proof (base64 signature).
    public static let header = "Gongdan-Clock-Read"
    /// The pull request header that offers the node's public key while the hub holds none.
    public static let keyHeader = "Gongdan-Node-Key"

    /// The answered clock as both sides know it: the state answer's `serverTime` in whole seconds, in
    /// milliseconds since 1970.
    public static func answeredMillis(_ serverTime: Date) -> Int64 {
        Int64(serverTime.timeIntervalSince1970.rounded(.down)) * 1000
    }

    /// The bytes signed: `gongdan-clock-read/1|NODE|LASTSEQ|MILLIS`.
    public static func signedBytes(node: String, lastSeq: Int64, answeredMillis: Int64) -> Data {
        Data("gongdan-clock-read/1|\(node)|\(lastSeq)|\(answeredMillis)".utf8)
    }

    /// The node's proof (base64) that its last seq was `lastSeq` when it read the state answer of `serverTime`.
    public static func sign(node: String, lastSeq: Int64, serverTime: Date, with key: NodeSigningKey) throws -> String {
        try key.sign(signedBytes(node: node, lastSeq: lastSeq, answeredMillis: answeredMillis(serverTime)))
    }

    /// Whether `proof` is `publicKey`'s signature of that report.
    public static func verify(_ proof: String, node: String, lastSeq: Int64, answeredMillis: Int64, publicKey: String) -> Bool {
        NodeSigningKey.verify(signature: proof, of: signedBytes(node: node, lastSeq: lastSeq, answeredMillis: answeredMillis),
                              publicKey: publicKey)
    }
}

/// A node's signed report that it read the hub's clock, as a pull carries it (1.6): its last local seq
/// (`&lastSeq=`), the proof (`Gongdan-Clock-Read`) and, while the hub holds no key of the node (it has
/// never pushed), its public key (`Gongdan-Node-Key`), which the hub then registers as a push would.
public struct SignedClockRead: Hashable, Sendable {
    public var lastSeq: Int64
    public var proof: String
    public var publicKey: String?

    public init(lastSeq: Int64, proof: String, publicKey: String? = nil) {
        self.lastSeq = lastSeq
        self.proof = proof
        self.publicKey = publicKey
    }
}
