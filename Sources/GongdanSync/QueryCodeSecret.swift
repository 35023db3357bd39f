import Crypto
import Foundation
import GongdanCore

/// The district's query-code secret (protocol 1.4): the query code (查询码) of a ticket is derived
/// from its ticket code with this key, never carried in an event, so only who holds the key can
/// name it.
///
/// The hub makes the secret once (hub migration "hub v12: query-code secret") and hands it to
/// workstation nodes only, in the sync state answer (`queryCodeSecret`); a unit's replica never
/// holds it, nor any query code, so a handling unit cannot look its own ticket up on the public
/// page and evaluate it (`docs/evaluation.md`).
///
/// ```swift
/// let secret = QueryCodeSecret.generate()
/// let code = secret.queryCode(for: "WS-26-0001")   // six characters of TicketCode.queryAlphabet
/// ```
///
/// The derivation: `HMAC-SHA256(secret, "gongdan-query/1|" + ticketCode)`, its first eight bytes
/// read as a big-endian unsigned integer, written in base 31 over ``GongdanCore/TicketCode/queryAlphabet``
/// (six digits, least significant first).
public struct QueryCodeSecret: Sendable, Equatable, CustomStringConvertible {
    /// The key's raw bytes (32).
    public let bytes: Data

    /// The length of a secret the hub makes.
    public static let length = 32

    /// The secret from its raw bytes; nil unless there are at least 16 of them.
    public init?(bytes: Data) {
        guard bytes.count >= 16 else { return nil }
        self.bytes = bytes
    }

    /// The secret from its base64 text (as the sync state carries it); nil when it is not one.
    public init?(base64: String) {
        guard let data = Data(base64Encoded: base64) else { return nil }
        self.init(bytes: data)
    }

    /// A new random secret of ``length`` bytes.
    public static func generate() -> QueryCodeSecret {
        var random = SystemRandomNumberGenerator()
        let bytes = Data((0..<length).map { _ in UInt8.random(in: .min ... .max, using: &random) })
        return QueryCodeSecret(bytes: bytes)!
    }

    /// The secret as base64, as the sync state answer carries it.
    public var base64: String { bytes.base64EncodedString() }

    /// Never the key itself, so a log line or a `print` cannot leak it.
    public var description: String { "QueryCodeSecret(\(bytes.count) bytes)" }

    /// The query code of `ticket` (its canonical upper-case code, `WS-26-0001`).
    public func queryCode(for ticket: String) -> String {
        let key = SymmetricKey(data: bytes)
        let mac = HMAC<SHA256>.authenticationCode(for: Data("gongdan-query/1|\(ticket)".utf8), using: key)
        var number = Array(mac).prefix(8).reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        let alphabet = TicketCode.queryAlphabet
        var code = ""
        for _ in 0..<6 {
            code.append(alphabet[Int(number % UInt64(alphabet.count))])
            number /= UInt64(alphabet.count)
        }
        return code
    }
}
