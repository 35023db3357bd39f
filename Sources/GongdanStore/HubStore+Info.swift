import Foundation

extension HubStore {
    /// The hub's identity: the district it serves and the public half of its signing key.
    public struct Info: Hashable, Sendable, Codable {
        public var district: String
        public var createdAt: Date
        /// The `HUB` origin's Ed25519 public key (base64), which verifies its signed heads.
        public var publicKey: String
        /// The last seq of the hub's own (`HUB`) events.
        public var lastSeq: Int64
    }
}
