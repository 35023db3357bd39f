import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension ReplicaStore {
    /// The node's sync settings and counters.
    public func syncSettings() throws -> SyncSettings {
        try db.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT s.*, n.last_seq FROM sync_state s LEFT JOIN node n ON n.id = 1 WHERE s.id = 1
                """)!
            return SyncSettings(
                hubURL: row["hub_url"], token: row["token"], hubCA: row["hub_ca"], hubKey: row["hub_key"], cursor: row["cursor"], hubHas: row["hub_has"],
                lastSeq: row["last_seq"] ?? 0,
                lastSuccess: (row["last_success"] as Int64?).map(Date.init(millis:)),
                lastAttempt: (row["last_attempt"] as Int64?).map(Date.init(millis:)),
                lastError: row["last_error"],
                offlineSince: (row["offline_since"] as Int64?).map(Date.init(millis:)))
        }
    }

    /// Points the node at a hub with its credential and, when given, the CA certificate (PEM) and the
    /// hub's signing key (base64) it pins; without them, what was pinned before stays pinned.
    public func setRemote(hubURL: String, token: String, hubCA: String? = nil, hubKey: String? = nil) throws {
        try db.write { db in
            try db.execute(sql: """
                UPDATE sync_state SET hub_url = ?, token = ?, hub_ca = coalesce(?, hub_ca), hub_key = coalesce(?, hub_key) WHERE id = 1
                """, arguments: [hubURL, token, hubCA, hubKey])
        }
    }

    /// Pins the hub's signing key (base64) if none is pinned yet; returns whether it did. A key pinned
    /// before is never replaced here (only `remote set --hub-key` does).
    @discardableResult
    public func pinHubKey(_ key: String) throws -> Bool {
        try db.write { db in
            try db.execute(sql: "UPDATE sync_state SET hub_key = ? WHERE id = 1 AND hub_key IS NULL", arguments: [key])
            return db.changesCount > 0
        }
    }

    /// This node's own events after `seq`, in seq order, at most `limit`.
    public func ownEvents(after seq: Int64, limit: Int) throws -> [TicketEvent] {
        try db.read { db in
            guard let own = try Self.identity(db)?.code else { return [] }
            return try Row.fetchAll(db, sql: "SELECT origin, seq, body FROM events WHERE origin = ? AND seq > ? ORDER BY seq LIMIT ?",
                                    arguments: [own, seq, limit]).map(Self.decodeEvent)
        }
    }

    /// The next push: this node's own events after `seq` (at most `limit`) as their stored
    /// canonical bodies, the head of the batch signed, and the backlog left after it; nil when the
    /// hub holds everything. One read of the store, no event decoded.
    public func nextPush(after seq: Int64, limit: Int, software: String) throws -> OutgoingPush? {
        try db.write { db in
            let identity = try Self.requireIdentity(db, path: path)
            let statement = try db.cachedStatement(sql: """
                SELECT seq, body, hash FROM events WHERE origin = ? AND seq > ? ORDER BY seq LIMIT ?
                """)
            statement.setUncheckedArguments([identity.code, seq, limit])
            var bodies: [String] = []
            bodies.reserveCapacity(limit)
            var last: (seq: Int64, hash: String?) = (seq, nil)
            let rows = try Row.fetchCursor(statement)
            while let row = try rows.next() {
                bodies.append(row[1])
                last = (row[0], row[2])
            }
            guard !bodies.isEmpty else { return nil }
            guard let hash = last.hash else {
                throw StoreError.corruptEvent(origin: identity.code, seq: last.seq, reason: "no hash stored for an own event")
            }
            let key = try Self.signingKey(db)
            let lastSeq = try Int64.fetchOne(db, sql: "SELECT last_seq FROM node WHERE id = 1") ?? last.seq
            return OutgoingPush(node: identity.code, bodies: bodies, lastSeq: last.seq,
                                head: try key.signHead(origin: identity.code, seq: last.seq, hash: hash),
                                publicKey: key.publicKey, backlog: Int(max(0, lastSeq - last.seq)), software: software,
                                openings: try SealedOpenings.openings(db, origin: identity.code, seqs: (seq + 1)...last.seq))
        }
    }

    /// The signed head of this node's chain at `seq`.
    public func signedHead(at seq: Int64) throws -> SignedHead {
        try db.write { db in
            let identity = try Self.requireIdentity(db, path: path)
            guard let hash = try String.fetchOne(db, sql: "SELECT hash FROM events WHERE origin = ? AND seq = ?",
                                                 arguments: [identity.code, seq]) else {
                throw StoreError.corruptEvent(origin: identity.code, seq: seq, reason: "no hash stored for an own event")
            }
            return try Self.signingKey(db).signHead(origin: identity.code, seq: seq, hash: hash)
        }
    }

    /// Records that the hub holds this node's events up to `hubHas`.
    public func acknowledgePush(hubHas: Int64) throws {
        try writeUnlessFull { db in
            try db.execute(sql: "UPDATE sync_state SET hub_has = ? WHERE id = 1", arguments: [hubHas])
        }
    }

    /// Applies a pulled page and advances the cursor, in one transaction: a cut connection or a
    /// killed process loses nothing and duplicates nothing.
    @discardableResult
    public func applyPull(_ page: PullResponse, at now: Date) throws -> AppendOutcome {
        let bodies = page.events.map { $0.canonicalJSONString() }
        return try writeUnlessFull { db in
            let outcome = try Self.append(db, page.events, bodies: bodies, openings: page.openings ?? [])
            for unit in page.units {
                try db.execute(sql: """
                    INSERT INTO units (code, name, kind, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind, updated_at = excluded.updated_at
                    """, arguments: [unit.code, unit.name, unit.kind.rawValue, now.millis])
            }
            try db.execute(sql: "UPDATE sync_state SET cursor = max(cursor, ?) WHERE id = 1", arguments: [page.cursor])
            if let notices = page.notices { try Self.storeNotices(db, notices) }
            return outcome
        }
    }

    /// Records the outcome of a sync attempt for `gongdan status`.
    public func recordSyncAttempt(at now: Date, error: String?) throws {
        try db.write { db in
            if let error {
                try db.execute(sql: """
                    UPDATE sync_state SET last_attempt = ?, last_error = ?, offline_since = coalesce(offline_since, ?) WHERE id = 1
                    """, arguments: [now.millis, error, now.millis])
            } else {
                try db.execute(sql: """
                    UPDATE sync_state SET last_attempt = ?, last_success = ?, last_error = NULL, offline_since = NULL WHERE id = 1
                    """, arguments: [now.millis, now.millis])
            }
        }
    }

    /// Runs a write transaction; a full disk (`SQLITE_FULL`, rolled back whole) becomes
    /// ``StoreError/storageFull(path:)``, which says what to do.
    func writeUnlessFull<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try db.write(updates)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw StoreError.storageFull(path: path)
        }
    }
}

extension ReplicaStore {
    /// Takes note of the hub's epoch (1.2). A hub restored from a backup has a new one, and its feed
    /// may be behind this node's cursor: the cursor goes back to 0, so the next pull fetches the
    /// node's whole feed again (events held already are skipped). Returns whether it did.
    public func adoptHubEpoch(_ epoch: String?) throws -> Bool {
        guard let epoch else { return false }
        return try db.write { db in
            let known = try String.fetchOne(db, sql: "SELECT hub_epoch FROM sync_state WHERE id = 1")
            guard known != epoch else { return false }
            try db.execute(sql: "UPDATE sync_state SET hub_epoch = ?, cursor = 0 WHERE id = 1", arguments: [epoch])
            return true
        }
    }
}
