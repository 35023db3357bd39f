import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// The hub's clock as a node reads it in a state answer: `serverTime` travels in whole seconds, so
    /// the floor is what the node can observe, never more.
    static func answeredClock(_ now: Date) -> HybridTimestamp {
        HybridTimestamp(millis: Int64((now.timeIntervalSince1970).rounded(.down)) * 1000)
    }

    /// Remembers the clock answered to `node` in its state answer (``syncState(for:now:reportedLastSeq:protocol:)``):
    /// the latest answer's, which the node's next pull proves it read — not the highest ever answered, which
    /// a lost answer may never have delivered.
    static func recordAnsweredClock(_ db: Database, node: String, now: Date) throws {
        try db.execute(sql: "UPDATE nodes SET answered_hlc = ? WHERE code = ?", arguments: [answeredClock(now).packed, node])
    }

    /// Records that `node` had read the clock of its last state answer: a node pulls only after that
    /// answer, and after pushing what it held then, so every event it makes after the seq the hub holds of
    /// it — or after `lastSeq`, its last local seq as it reports it, when lower — is stamped at or above
    /// that clock. Only a report the node signed (``ClockReadProof``, 1.6) under its registered key, naming
    /// the clock of its latest state answer, counts: a replayed or forged one records nothing (it would
    /// push the floor past events the node made meanwhile). A node that never pushed offers its public
    /// key with the report, and the hub registers it as a first push would (the key then signs the node's
    /// first events). Returns whether a floor was recorded. Bundles record no floor.
    @discardableResult
    public func recordClockFloor(node: String, read: ClockRead, now: Date) throws(SyncError) -> Bool {
        try syncWrite { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT public_key, answered_hlc FROM nodes WHERE code = ?", arguments: [node]),
                  let answered = row["answered_hlc"] as Int64?
            else { return false }
            let registered = row["public_key"] as String?
            guard let publicKey = registered ?? read.publicKey,
                  ClockReadProof.verify(read.proof, node: node, lastSeq: read.lastSeq,
                                        answeredMillis: HybridTimestamp(packed: answered).millis, publicKey: publicKey)
            else { return false }
            let hubHas = try Self.originHead(db, node).seq
            if registered == nil {
                try db.execute(sql: "UPDATE nodes SET public_key = ? WHERE code = ? AND public_key IS NULL", arguments: [publicKey, node])
                try db.execute(sql: "INSERT OR REPLACE INTO node_keys (node, first_seq, public_key, registered_at) VALUES (?, ?, ?, ?)",
                               arguments: [node, hubHas + 1, publicKey, now.millis])
            }
            try db.execute(sql: """
                INSERT INTO clock_floors (node, after_seq, hlc) VALUES (?, ?, ?)
                    ON CONFLICT (node, after_seq) DO UPDATE SET hlc = max(hlc, excluded.hlc)
                """, arguments: [node, min(read.lastSeq, hubHas), answered])
            return true
        }
    }

    /// What the hub knows `node`'s clock had passed (``ClockFloor``).
    static func clockFloor(_ db: Database, node: String) throws -> ClockFloor {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT after_seq, hlc FROM clock_floors WHERE node = ? ORDER BY after_seq"),
                                    arguments: [node])
        return ClockFloor(steps: rows.map { ClockFloor.Step(afterSeq: $0[0], hlc: HybridTimestamp(packed: $0[1])) })
    }

    /// Drops the floors of `node` that its stored events already imply: a floor before the seq the hub
    /// holds was checked against the event at that seq, whose stamp every later event must reach.
    static func pruneClockFloors(_ db: Database, node: String, hubHas: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM clock_floors WHERE node = ? AND after_seq < ?").execute(arguments: [node, hubHas])
    }

    /// The stamp of `origin`'s event `seq` the hub holds (nil: none).
    static func stamp(_ db: Database, origin: String, seq: Int64) throws -> HybridTimestamp? {
        guard seq > 0 else { return nil }
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT hlc FROM events WHERE origin = ? AND seq = ?"),
                                  arguments: [origin, seq]).map(HybridTimestamp.init(packed:))
    }

    /// The stamps of the events the hub holds on `tickets`.
    static func ticketStamps(_ db: Database, tickets: Set<String>) throws -> TicketStamps {
        var stamps = TicketStamps()
        let statement = try db.cachedStatement(sql: "SELECT origin, seq, hlc FROM events WHERE ticket = ?")
        for ticket in tickets.sorted() {
            let rows = try Row.fetchCursor(statement, arguments: [ticket])
            while let row = try rows.next() {
                stamps.add(EventID(origin: row[0], seq: row[1]), ticket: ticket, hlc: HybridTimestamp(packed: row[2]))
            }
        }
        return stamps
    }
}
