import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension ReplicaStore {
    /// The next link of this node's chain: the hash its next event's `prev` must carry.
    static func lastOwnHash(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT last_hash FROM node WHERE id = 1")
    }

    /// This node's signing key, made on first use and kept in the replica.
    public func signingKey() throws -> NodeSigningKey {
        try db.write { db in try Self.signingKey(db) }
    }

    static func signingKey(_ db: Database) throws -> NodeSigningKey {
        if let stored = try String.fetchOne(db, sql: "SELECT signing_key FROM node WHERE id = 1") {
            return try NodeSigningKey(base64: stored)
        }
        let key = NodeSigningKey()
        try db.execute(sql: "UPDATE node SET signing_key = ? WHERE id = 1", arguments: [key.base64])
        return key
    }

    /// Gives events stored before the hash chain existed their `prev` links and hashes, rewriting
    /// their bodies in seq order (a v1 replica's own events had never left the node).
    static func chainExistingOwnEvents(_ db: Database) throws {
        guard let own = try String.fetchOne(db, sql: "SELECT code FROM node WHERE id = 1") else { return }
        let decoder = GongdanJSON.decoder()
        var previous: String?
        for row in try Row.fetchAll(db, sql: "SELECT local_id, body FROM events WHERE origin = ? ORDER BY seq", arguments: [own]) {
            let body: String = row["body"]
            var event = try decoder.decode(TicketEvent.self, from: Data(body.utf8))
            event.prev = previous
            let canonical = event.canonicalJSON()
            let hash = EventChain.hash(bytes: canonical)
            try db.execute(sql: "UPDATE events SET body = ?, hash = ? WHERE local_id = ?",
                           arguments: [String(decoding: canonical, as: UTF8.self), hash, row["local_id"] as Int64])
            previous = hash
        }
        try db.execute(sql: "UPDATE node SET last_hash = ? WHERE id = 1", arguments: [previous])
    }
}
