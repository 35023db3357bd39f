import Foundation
import GongdanCore

extension HubStore {
    /// A registered node as the hub's node-health view shows it.
    public struct NodeHealth: Hashable, Sendable, Codable {
        public var code: String
        public var role: Role
        public var name: String
        public var createdAt: Date
        /// The last time the node asked for its sync state or pushed.
        public var lastSeen: Date?
        /// Events the node said it still held unsent at its last push.
        public var backlog: Int?
        /// The node's gongdan version at its last push.
        public var software: String?
        /// The sync protocol version the node spoke at its last request (`Gongdan-Protocol`).
        public var `protocol`: String?
        public var revoked: Bool
        /// When the node's credential expires, if it does.
        public var expiresAt: Date?
        /// The highest contiguous seq of the node's events the hub holds.
        public var hubHas: Int64
        /// The node's last local seq as it reported at its last contact, and when.
        public var reportedSeq: Int64?
        public var reportedAt: Date?
        /// Whether the node's public key is registered (at its first push).
        public var keyRegistered: Bool
        /// How many keys the node has signed with (more than one after `hub node rekey`).
        public var keys: Int
        /// The last `hub node rekey`.
        public var rekeyedAt: Date?
        /// The last refusal the node got, cleared by its next accepted push.
        public var lastError: String?
    }
}
