import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// The next page of `node`'s feed after `cursor` (`GET /sync/pull`).
    ///
    /// The workstation's feed is every event in commit order (cursor: a commit sequence); a unit's
    /// is its feed at the hub (cursor: a feed position), where a ticket entering its scope arrives
    /// with its whole history. A page holds at most `limit` (≤ `limits.maxPullEvents`) events and
    /// stops growing past `limits.maxPullBytes` (one event at least). The page carries, per origin
    /// in it, the lowest signed head at or above the page's highest seq of that origin.
    public func pull(for node: RegisteredNode, after cursor: Int64, limit: Int) throws(SyncError) -> PullResponse {
        let count = max(1, min(limit, limits.maxPullEvents))
        let maxBytes = limits.maxPullBytes
        return try syncRead { db in
            let statement: Statement
            if node.role.isUnit {
                statement = try db.cachedStatement(sql: """
                    SELECT f.feed_id AS position, e.origin, e.seq, e.body FROM feed f JOIN events e ON e.local_id = f.commit_seq
                    WHERE f.unit = ? AND f.feed_id > ? ORDER BY f.feed_id LIMIT ?
                    """)
                statement.setUncheckedArguments([node.code, cursor, count + 1])
            } else {
                statement = try db.cachedStatement(sql: """
                    SELECT local_id AS position, origin, seq, body FROM events WHERE local_id > ? ORDER BY local_id LIMIT ?
                    """)
                statement.setUncheckedArguments([cursor, count + 1])
            }
            let decoder = GongdanJSON.decoder()
            var events: [TicketEvent] = []
            var position = cursor, bytes = 0, more = false
            let rows = try Row.fetchCursor(statement)
            while let row = try rows.next() {
                let body: String = row["body"]
                let size = body.utf8.count
                if events.count == count || (!events.isEmpty && bytes + size > maxBytes) {
                    more = true
                    break
                }
                do {
                    events.append(try decoder.decode(TicketEvent.self, from: Data(body.utf8)))
                } catch {
                    throw StoreError.corruptEvent(origin: row["origin"], seq: row["seq"], reason: "\(error)")
                }
                bytes += size
                position = row["position"]
            }
            return PullResponse(events: events, cursor: position, more: more, heads: try Self.heads(db, covering: events),
                                units: try Self.units(db))
        }
    }

    /// Per origin in `events`, the lowest stored signed head at or above their highest seq.
    static func heads(_ db: Database, covering events: [TicketEvent]) throws -> [SignedHead] {
        var top: [String: Int64] = [:]
        for event in events { top[event.id.origin] = max(top[event.id.origin] ?? 0, event.id.seq) }
        let statement = try db.cachedStatement(sql: """
            SELECT seq, hash, signature FROM heads WHERE origin = ? AND seq >= ? ORDER BY seq LIMIT 1
            """)
        return try top.keys.sorted().compactMap { origin in
            guard let row = try Row.fetchOne(statement, arguments: [origin, top[origin]!]) else { return nil }
            return SignedHead(origin: origin, seq: row["seq"], hash: row["hash"], signature: row["signature"])
        }
    }
}
