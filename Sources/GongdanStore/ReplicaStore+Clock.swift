import Foundation
import GRDB
import GongdanCore

extension ReplicaStore {
    /// Moves the node's hybrid clock past the hub's clock read in a state answer (its `serverTime`),
    /// so the node never stamps an event below what the hub knows it has read: a node whose PC clock is
    /// slow still moves forward (its events are stamped at the hub's time plus a counter until its own
    /// clock catches up), and the hub's `clock_behind` refusal (``GongdanSync/StampRules``) never meets
    /// an honest node. The clock never moves back.
    public func observeHubClock(_ serverTime: Date) throws {
        try db.write { db in
            try db.execute(sql: "UPDATE node SET hlc = max(hlc, ?) WHERE id = 1", arguments: [HybridTimestamp(serverTime).packed])
        }
    }

    /// The node's hybrid clock: the last reading it issued or observed.
    public func hybridClock() throws -> HybridTimestamp {
        try db.read { db in HybridTimestamp(packed: try Int64.fetchOne(db, sql: "SELECT hlc FROM node WHERE id = 1") ?? 0) }
    }
}
