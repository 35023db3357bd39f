import Foundation
import GRDB
import GongdanCore
import GongdanSync

/// What `appendEvents` did with a batch.
public struct AppendOutcome: Hashable, Sendable {
    /// Events newly stored.
    public var inserted: Int
    /// Events already present (same origin and seq), left untouched.
    public var duplicates: Int
    /// Tickets whose projection was rewritten.
    public var ticketsUpdated: Int
    /// Those tickets, in the order the batch first touched them, with their status before and after.
    public var changes: [TicketChange] = []
}

/// A ticket a pull brought news of: new to this replica (`before` nil), moved to another status, or
/// with new events in the same status (a note, a progress report, a correction).
public struct TicketChange: Hashable, Sendable, Codable {
    public var code: String
    public var before: TicketStatus?
    public var after: TicketStatus

    public init(code: String, before: TicketStatus?, after: TicketStatus) {
        self.code = code
        self.before = before
        self.after = after
    }
}

extension ReplicaStore {
    /// Records an event made on this node about an existing ticket.
    ///
    /// `decide` runs inside the write transaction with the ticket's current state and the acting
    /// person, so the decision and the append cannot be separated by another writer. It returns the
    /// payload, or throws to refuse (nothing is written).
    public func recordEvent(
        on code: String, person: String, at now: Date,
        decide: (TicketState, Actor) throws -> TicketEventPayload
    ) throws -> (event: TicketEvent, state: TicketState) {
        try db.write { db in
            let identity = try Self.requireIdentity(db, path: path)
            try Self.requireCaughtUp(db, path: path)
            guard let state = try Self.ticketState(db, code: code) else { throw TicketError.unknownTicket(code) }
            let actor = identity.actor(person: person)
            let payload = try decide(state, actor)
            return try Self.appendLocal(db, payload: payload, ticket: code, prior: state, actor: actor, now: now)
        }
    }

    /// Records a new ticket taken in on this node: allocates its code (this node's next number for
    /// the year of `now` in China Standard Time) and hands it to `decide` for the `created` payload.
    public func recordNewTicket(
        person: String, at now: Date,
        decide: (_ code: String, Actor) throws -> TicketEventPayload
    ) throws -> (event: TicketEvent, state: TicketState) {
        try db.write { db in
            let identity = try Self.requireIdentity(db, path: path)
            try Self.requireCaughtUp(db, path: path)
            let year = CivilDate.inChinaStandardTime(now).year
            let number = (try Int.fetchOne(db, sql: "SELECT last FROM ticket_counters WHERE year = ?", arguments: [year]) ?? 0) + 1
            try db.execute(sql: "INSERT OR REPLACE INTO ticket_counters (year, last) VALUES (?, ?)", arguments: [year, number])
            var code = TicketCode.make(node: identity.code, year: year, number: number)
            // A code could already exist only if the counter was lost (a restored replica); skip ahead.
            var skip = number
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM tickets WHERE code = ?", arguments: [code]) == true {
                skip += 1
                code = TicketCode.make(node: identity.code, year: year, number: skip)
                try db.execute(sql: "UPDATE ticket_counters SET last = ? WHERE year = ?", arguments: [skip, year])
            }
            let actor = identity.actor(person: person)
            let payload = try decide(code, actor)
            return try Self.appendLocal(db, payload: payload, ticket: code, prior: nil, actor: actor, now: now)
        }
    }

    /// Stores events from elsewhere (a sync batch, a bundle, a benchmark), idempotently on
    /// `(origin, seq)`, and rewrites the projection of every ticket they touch, in one transaction.
    ///
    /// Each touched ticket is folded from the events it already had (decoded from the store) plus
    /// the batch's new ones (used as they are, never decoded back); a ticket first seen in this
    /// batch costs no decoding at all.
    @discardableResult
    public func appendEvents(_ events: [TicketEvent], openings: [SealOpening] = []) throws -> AppendOutcome {
        let bodies = events.map { $0.canonicalJSONString() }
        return try db.write { db in try Self.append(db, events, bodies: bodies, openings: openings) }
    }

    /// `appendEvents` inside the caller's transaction (a pull applies events and advances its cursor
    /// in one). `bodies` are the events' canonical JSON strings.
    ///
    /// `openings`: values of sealed fields the sender says this replica may read; stored when they
    /// verify against an event of the batch or one held, and the tickets they open are folded again.
    static func append(_ db: Database, _ events: [TicketEvent], bodies: [String],
                       openings: [SealOpening] = []) throws -> AppendOutcome {
        // Rows inserted below get rowids above this one (rowids grow by one from the maximum
        // while it is below 2^63 - 1), which tells a ticket's earlier events from this batch's.
        let storedBefore = try Int64.fetchOne(db, sql: "SELECT max(local_id) FROM events") ?? 0
        let insert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO events (origin, seq, ticket, type, hlc, body, hash) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        // This node's own events come back from the hub after a restore or a recovery: they keep
        // their hash, the next own event chains to the last of them.
        let own = try Self.identity(db)?.code
        var ownTop: Int64 = 0
        var fresh: [String: [TicketEvent]] = [:]
        var order: [String] = []
        var inserted = 0
        var latest = HybridTimestamp(millis: 0)
        for (event, body) in zip(events, bodies) {
            let isOwn = event.id.origin == own
            insert.setUncheckedArguments([event.id.origin, event.id.seq, event.ticket, event.payload.type,
                                          event.hlc.packed, body, isOwn ? EventChain.hash(bytes: Array(body.utf8)) : nil])
            try insert.execute()
            guard db.changesCount > 0 else { continue }
            if isOwn { ownTop = max(ownTop, event.id.seq) }
            inserted += 1
            latest = max(latest, event.hlc)
            if fresh[event.ticket] == nil { order.append(event.ticket) }
            // Folded as stored: a sealed value a sender wrote beside its commitment is dropped here, and
            // only a verified opening fills it in (`SealedOpenings.open`).
            fresh[event.ticket, default: []].append(event.sealedForm())
        }
        let batch = Dictionary(events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for ticket in try SealedOpenings.storeVerified(db, openings, batch: batch).sorted() where fresh[ticket] == nil {
            order.append(ticket)
            fresh[ticket] = []
        }
        let policy = try Self.districtPolicy(db)
        let statusBefore = try db.cachedStatement(sql: "SELECT status FROM tickets WHERE code = ?")
        var changes: [TicketChange] = []
        for ticket in order {
            let stored = try Self.events(db, ticket: ticket, storedUpTo: storedBefore)
            let batchEvents = try SealedOpenings.open(db, fresh[ticket]!, ticket: ticket)
            if let state = TicketFold.fold(stored + batchEvents, policy: policy) {
                let before = try String.fetchOne(statusBefore, arguments: [ticket]).flatMap(TicketStatus.init(rawValue:))
                try Self.recordFold(db, state)
                changes.append(TicketChange(code: ticket, before: before, after: state.status))
            }
        }
        // Observe the newest clock, and count this node's own events if they come back (a restore).
        try db.execute(sql: """
            UPDATE node SET hlc = max(hlc, ?),
                last_hash = CASE WHEN ? > last_seq THEN (SELECT hash FROM events WHERE origin = ? AND seq = ?) ELSE last_hash END,
                last_seq = max(last_seq, ?) WHERE id = 1
            """, arguments: [latest.packed, ownTop, own, ownTop, ownTop])
        return AppendOutcome(inserted: inserted, duplicates: events.count - inserted, ticketsUpdated: order.count, changes: changes)
    }

    // MARK: - Reading

    /// The ticket's events in the order the fold applies them.
    public func events(ofTicket code: String) throws -> [TicketEvent] {
        try db.read { db in TicketFold.causalOrder(try Self.events(db, ticket: code)) }
    }

    /// The ticket's state and its events in fold order, read together; nil when the replica has no such ticket.
    public func ticketWithHistory(_ code: String) throws -> (state: TicketState, events: [TicketEvent])? {
        try db.read { db in
            let events = TicketFold.causalOrder(try Self.events(db, ticket: code))
            let stored = try FoldedStates.read(db, code: code)
            guard let state = try stored ?? TicketFold.fold(events, policy: Self.districtPolicy(db)) else { return nil }
            return (state, events)
        }
    }

    /// The ticket's state, folded from its events; nil when the replica has no such ticket.
    public func ticket(_ code: String) throws -> TicketState? {
        try db.read { db in try Self.ticketState(db, code: code) }
    }

    /// The node's last event seq (its events are 1…lastSeq, without gaps).
    public func lastSeq() throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: "SELECT last_seq FROM node WHERE id = 1") ?? 0 }
    }

    // MARK: - Inside a transaction

    static func requireIdentity(_ db: Database, path: String) throws -> NodeIdentity {
        guard let identity = try identity(db) else { throw StoreError.notInitialized(path: path) }
        return identity
    }

    /// Refuses to record while a restored or rebuilt replica may be behind the hub on its own events.
    static func requireCaughtUp(_ db: Database, path: String) throws {
        if let reason = try resyncReason(db) { throw StoreError.syncRequired(path: path, reason: reason) }
    }

    static func events(_ db: Database, ticket: String) throws -> [TicketEvent] {
        let statement = try db.cachedStatement(sql: "SELECT origin, seq, body FROM events WHERE ticket = ? ORDER BY hlc, origin, seq")
        return try SealedOpenings.open(db, try Row.fetchAll(statement, arguments: [ticket]).map(decodeEvent), ticket: ticket)
    }

    /// The ticket's events whose rowid is at most `lastRowID` (those stored before a batch began),
    /// in no particular order (the fold orders them).
    static func events(_ db: Database, ticket: String, storedUpTo lastRowID: Int64) throws -> [TicketEvent] {
        let statement = try db.cachedStatement(sql: "SELECT origin, seq, body FROM events WHERE ticket = ? AND local_id <= ?")
        statement.setUncheckedArguments([ticket, lastRowID])
        var events: [TicketEvent] = []
        let rows = try Row.fetchCursor(statement)
        while let row = try rows.next() {
            events.append(try decodeEvent(row))
        }
        return try SealedOpenings.open(db, events, ticket: ticket)
    }

    /// Decodes an `events` row's body (columns origin, seq, body).
    static func decodeEvent(_ row: Row) throws -> TicketEvent {
        do {
            return try row.withUnsafeData(atIndex: 2) { data in
                guard let data else { throw StoreError.corruptEvent(origin: row[0], seq: row[1], reason: "no body") }
                return try GongdanJSON.decodeEvent(data)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.corruptEvent(origin: row[0], seq: row[1], reason: "\(error)")
        }
    }

    static func ticketState(_ db: Database, code: String) throws -> TicketState? {
        if let stored = try FoldedStates.read(db, code: code) { return stored }
        return TicketFold.fold(try events(db, ticket: code), policy: try districtPolicy(db))
    }

    /// Appends one event of this node: next seq, next hybrid clock reading, the ticket's clock
    /// plus one, then the event row, the projection and the counters, all in the caller's transaction.
    static func appendLocal(_ db: Database, payload: TicketEventPayload, ticket: String, prior: TicketState?,
                            actor: Actor, now: Date) throws -> (event: TicketEvent, state: TicketState) {
        guard let row = try Row.fetchOne(db, sql: "SELECT last_seq, hlc, last_hash FROM node WHERE id = 1") else {
            throw StoreError.notInitialized(path: db.description)
        }

        let seq: Int64 = row["last_seq"] + 1
        var hybrid = HybridClock(last: HybridTimestamp(packed: row["hlc"]))
        let hlc = hybrid.tick(now: now)
        let clock = (prior?.clock ?? VectorClock()).incremented(for: actor.node)
        // Contact details are sealed (docs/privacy.md): the body commits to them, the values stay
        // beside it here and travel only to the nodes that may read them.
        let (made, openings) = ContactSeal.seal(
            TicketEvent(id: EventID(origin: actor.node, seq: seq), ticket: ticket, hlc: hlc, clock: clock, actor: actor,
                        payload: payload, prev: row["last_hash"]),
            category: prior?.category)
        // The stored canonical bytes are the event: fold what every other replica will decode
        // (dates at whole seconds), and chain the next event to their hash.
        let canonical = made.canonicalJSON()
        try SealedOpenings.store(db, openings) { _ in ticket }
        let event = try GongdanJSON.decodeEvent(canonical).opened(with: Dictionary(openings.map { ($0.field, $0.value) }) { a, _ in a })
        let hash = EventChain.hash(bytes: canonical)
        try db.execute(sql: "INSERT INTO events (origin, seq, ticket, type, hlc, body, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [actor.node, seq, ticket, payload.type, hlc.packed,
                                   String(decoding: canonical, as: UTF8.self), hash])
        try db.execute(sql: "UPDATE node SET last_seq = ?, hlc = ?, last_hash = ? WHERE id = 1",
                       arguments: [seq, hlc.packed, hash])
        let state: TicketState
        if var prior {
            prior.apply(event, policy: try districtPolicy(db))
            state = prior
        } else if let created = TicketState(creation: event, policy: try districtPolicy(db)) {
            state = created
        } else {
            throw TicketError.unknownTicket(ticket)
        }
        try recordFold(db, state)
        return (event, state)
    }
}
