import Foundation
import GongdanCore

extension HubStore {
    /// A conflict in the hub's queue, with the events on both sides.
    public struct Conflict: Hashable, Sendable, Codable {
        /// Where the conflict stands.
        public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
            /// Waiting for the operator.
            case open
            /// The operator accepted the automatic decision.
            case confirmed
            /// The operator overrode it (an event of the hub's origin `HUB`).
            case overridden
        }

        public var id: Int64
        public var ticket: String
        public var kind: ConflictKind
        public var status: Status
        public var summary: String
        /// What the rules decided automatically.
        public var decision: String
        /// The events on both sides, as stored (missing ones left out).
        public var events: [TicketEvent]
        public var eventIDs: [EventID]
        public var createdAt: Date
        public var resolvedAt: Date?
        /// How the operator resolved it: their note, and the override event if any.
        public var resolution: String?
    }
}
