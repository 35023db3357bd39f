import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// The next page of `node`'s feed after `cursor` (`GET /sync/pull`), decoded.
    ///
    /// The workstation's feed is every event in commit order (cursor: a commit sequence); a unit's
    /// is its feed at the hub (cursor: a feed position), where a ticket entering its scope arrives
    /// with its whole history. A page holds at most `limit` (≤ `limits.maxPullEvents`) events and
    /// stops growing past `limits.maxPullBytes` (one event at least). The page carries, per origin
    /// in it, the lowest signed head at or above the page's highest seq of that origin. Events
    /// waiting to be folded are folded first (`now`: the hub's clock, for the conflicts found).
    /// `clockRead` (1.4): the puller read the hub's clock in its state answer — it says so with
    /// `&lastSeq=` (its last local seq) or by speaking 1.4 — and the hub records the floor of the stamps
    /// of its later events (``recordClockFloor(node:lastSeq:)``); nil for bundles and older nodes.
    public func pull(for node: RegisteredNode, after cursor: Int64, limit: Int, now: Date = Date(),
                     clockRead: ClockRead? = nil) throws(SyncError) -> PullResponse {
        let page = try storedPage(for: node, after: cursor, limit: limit, now: now, clockRead: clockRead)
        var events: [TicketEvent] = []
        events.reserveCapacity(page.bodies.count)
        for (index, body) in page.bodies.enumerated() {
            do {
                events.append(try GongdanJSON.decodeEvent(body))
            } catch {
                let id = page.ids[index]
                throw SyncError(.storage, "the hub could not read its store (\(StoreError.corruptEvent(origin: id.origin, seq: id.seq, reason: "\(error)"))); run `gongdan hub verify` and tell the hub operator")
            }
        }
        return PullResponse(events: events, cursor: page.cursor, more: page.more, heads: page.heads, units: page.units,
                            notices: page.notices, conflicts: page.conflicts, openings: page.openings)
    }

    /// The same page as `pull`, as the JSON body of the answer: the stored events are spliced in
    /// as they are (they are already canonical), so serving a page decodes and encodes no event.
    public func pullEncoded(for node: RegisteredNode, after cursor: Int64, limit: Int, now: Date = Date(),
                            clockRead: ClockRead? = nil) throws(SyncError) -> (body: [UInt8], events: Int, cursor: Int64) {
        let page = try storedPage(for: node, after: cursor, limit: limit, now: now, clockRead: clockRead)
        let body = SplicedMessage.pull(events: page.bodies.lazy.map(\.utf8), cursor: page.cursor, more: page.more,
                                       heads: page.heads, units: page.units, notices: page.notices,
                                       conflicts: page.conflicts, openings: page.openings)
        return (body, page.bodies.count, page.cursor)
    }

    /// A pull from a node that read the hub's clock in its state answer and signed that it did (1.6).
    public typealias ClockRead = SignedClockRead

    /// A page of the feed as stored.
    struct StoredPage {
        var bodies: [String] = []
        var ids: [EventID] = []
        var cursor: Int64
        var more = false
        var heads: [SignedHead] = []
        var units: [HandlingUnit] = []
        /// On the last page only.
        var notices: [SyncedNotice]?
        /// On the last page only, when the node's events raised conflicts it was not yet told of.
        var conflicts: [ConflictNotice]?
        /// The values of sealed fields the node may read, of the page's tickets (nil when none).
        var openings: [SealOpening]?
    }

    /// The page as it stands once every stored event is folded (a pull sees every push the hub
    /// acknowledged before it); the last page hands over the conflicts the node was not yet told of.
    func storedPage(for node: RegisteredNode, after cursor: Int64, limit: Int, now: Date,
                    clockRead: ClockRead? = nil) throws(SyncError) -> StoredPage {
        if let clockRead { try recordClockFloor(node: node.code, read: clockRead, now: now) }
        try catchUpProjections(now: now)
        var page = try feedPage(for: node, after: cursor, limit: limit)
        if !page.more, try syncRead({ db in try Self.hasConflictMail(db, for: node.code) }) {
            page.conflicts = try syncWrite { db in try Self.takeConflictMail(db, for: node.code) }
        }
        return page
    }

    private func feedPage(for node: RegisteredNode, after cursor: Int64, limit: Int) throws(SyncError) -> StoredPage {
        let count = max(1, min(limit, limits.maxPullEvents))
        let maxBytes = limits.maxPullBytes
        return try syncRead { db in
            let statement: Statement
            if node.role.isUnit {
                statement = try db.cachedStatement(sql: """
                    SELECT f.feed_id AS position, e.origin, e.seq, e.body, e.ticket FROM feed f JOIN events e ON e.local_id = f.commit_seq
                    WHERE f.unit = ? AND f.feed_id > ? ORDER BY f.feed_id LIMIT ?
                    """)
                statement.setUncheckedArguments([node.code, cursor, count + 1])
            } else {
                statement = try db.cachedStatement(sql: """
                    SELECT local_id AS position, origin, seq, body, ticket FROM events WHERE local_id > ? ORDER BY local_id LIMIT ?
                    """)
                statement.setUncheckedArguments([cursor, count + 1])
            }
            var page = StoredPage(cursor: cursor)
            page.bodies.reserveCapacity(count)
            var bytes = 0
            var tickets: [String] = []
            var seen = Set<String>()
            let rows = try Row.fetchCursor(statement)
            while let row = try rows.next() {
                let body: String = row[3]
                let size = body.utf8.count
                if page.bodies.count == count || (!page.bodies.isEmpty && bytes + size > maxBytes) {
                    page.more = true
                    break
                }
                page.bodies.append(body)
                page.ids.append(EventID(origin: row[1], seq: row[2]))
                let ticket: String = row[4]
                if seen.insert(ticket).inserted { tickets.append(ticket) }
                bytes += size
                page.cursor = row[0]
            }
            page.heads = try Self.heads(db, covering: page.ids)
            let openings = try Self.openings(db, readableBy: node, of: tickets)
            page.openings = openings.isEmpty ? nil : openings
            page.units = try Self.units(db)
            if !page.more { page.notices = try Self.syncedNotices(db, for: node) }
            return page
        }
    }

    /// The openings of `tickets` that `node` may read (``ContactPrivacy``): all of them for the
    /// workstation; for a unit, those of the tickets it currently handles (on a report: once released to it).
    static func openings(_ db: Database, readableBy node: RegisteredNode, of tickets: [String]) throws -> [SealOpening] {
        guard node.role.isUnit else { return try SealedOpenings.openings(db, tickets: tickets) }
        guard let unit = node.unit else { return [] }
        let readers = try db.cachedStatement(sql: "SELECT contact_readers FROM tickets WHERE code = ?")
        let readable = try tickets.filter { ticket in
            let joined = try String.fetchOne(readers, arguments: [ticket]) ?? ""
            return joined.split(separator: ",").contains { $0 == unit }
        }
        return try SealedOpenings.openings(db, tickets: readable)
    }

    /// Per origin in `ids`, the lowest stored signed head at or above their highest seq.
    static func heads(_ db: Database, covering ids: [EventID]) throws -> [SignedHead] {
        var top: [String: Int64] = [:]
        for id in ids { top[id.origin] = max(top[id.origin] ?? 0, id.seq) }
        let statement = try db.cachedStatement(sql: """
            SELECT seq, hash, signature FROM heads WHERE origin = ? AND seq >= ? ORDER BY seq LIMIT 1
            """)
        return try top.keys.sorted().compactMap { origin in
            guard let row = try Row.fetchOne(statement, arguments: [origin, top[origin]!]) else { return nil }
            return SignedHead(origin: origin, seq: row["seq"], hash: row["hash"], signature: row["signature"])
        }
    }
}
