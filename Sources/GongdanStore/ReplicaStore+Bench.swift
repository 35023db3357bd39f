import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension ReplicaStore {
    /// Bulk-loads a history of this node's **own** events (benchmarks, fixtures), as if they had been
    /// recorded one by one: each event is chained to the previous one (`prev` set here), stored in
    /// canonical form with its hash (so ``signedHead(at:)`` can sign the chain and a push can carry
    /// it) and its contact details sealed, the node's counters advance, and the touched tickets' projections are rewritten, in one
    /// transaction.
    ///
    /// `events` must be this node's, with seqs continuing its last seq without gaps, and must
    /// survive the canonical round trip (dates at whole seconds): the stored bytes are hashed, and
    /// the hub re-encodes what it decodes. Not for events made by the decider: use
    /// ``recordEvent(on:person:at:decide:)``.
    ///
    /// ```swift
    /// for batch in history.chunks(ofCount: 10_000) { try replica.appendOwnChain(Array(batch)) }
    /// ```
    @discardableResult
    public func appendOwnChain(_ events: [TicketEvent]) throws -> AppendOutcome {
        try db.write { db in
            let identity = try Self.requireIdentity(db, path: path)
            guard let node = try Row.fetchOne(db, sql: "SELECT last_seq, last_hash, hlc FROM node WHERE id = 1") else {
                throw StoreError.notInitialized(path: path)
            }
            var seq: Int64 = node["last_seq"]
            var previous: String? = node["last_hash"]
            var latest = HybridTimestamp(packed: node["hlc"])
            let storedBefore = try Int64.fetchOne(db, sql: "SELECT max(local_id) FROM events") ?? 0
            let insert = try db.cachedStatement(sql: """
                INSERT INTO events (origin, seq, ticket, type, hlc, body, hash) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            var fresh: [String: [TicketEvent]] = [:]
            var order: [String] = []
            let policy = try Self.districtPolicy(db)
            for var event in events {
                guard event.id.origin == identity.code, event.actor.node == identity.code else {
                    throw StoreError.corruptEvent(origin: event.id.origin, seq: event.id.seq,
                                                  reason: "appendOwnChain takes only this node's (\(identity.code)) events")
                }
                guard event.id.seq == seq + 1 else {
                    throw StoreError.corruptEvent(origin: event.id.origin, seq: event.id.seq,
                                                  reason: "own events must continue seq \(seq) without a gap")
                }
                event.prev = previous
                // Sealed like a recorded event's contact details (docs/privacy.md); the values stay here.
                let (sealed, openings) = ContactSeal.seal(event, category: nil)
                event = sealed
                try SealedOpenings.store(db, openings) { _ in sealed.ticket }
                let canonical = event.canonicalJSON()
                let hash = EventChain.hash(bytes: canonical)
                insert.setUncheckedArguments([event.id.origin, event.id.seq, event.ticket, event.payload.type,
                                              event.hlc.packed, String(decoding: canonical, as: UTF8.self), hash])
                try insert.execute()
                seq = event.id.seq
                previous = hash
                latest = max(latest, event.hlc)
                if fresh[event.ticket] == nil { order.append(event.ticket) }
                fresh[event.ticket, default: []].append(event)
            }
            for ticket in order {
                let stored = try Self.events(db, ticket: ticket, storedUpTo: storedBefore)
                if let state = TicketFold.fold(stored + fresh[ticket]!, policy: policy) { try Self.recordFold(db, state) }
            }
            try db.execute(sql: "UPDATE node SET last_seq = ?, last_hash = ?, hlc = ? WHERE id = 1",
                           arguments: [seq, previous, latest.packed])
            return AppendOutcome(inserted: events.count, duplicates: 0, ticketsUpdated: order.count)
        }
    }
}
