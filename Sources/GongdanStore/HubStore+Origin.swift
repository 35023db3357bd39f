import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// The context of a decision the hub makes itself (12345 intake, a public evaluation, a conflict
    /// override): the hub's origin with workstation authority, the district policy the hub holds (its
    /// loaded calendars and the limits in force at `now`), and its unit directory.
    static func hubDecisionContext(_ db: Database, person: String, now: Date) throws -> DecisionContext {
        let actor = Actor(node: origin, role: .workstation, unit: nil, person: person)
        let units = Dictionary(try Self.units(db).map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        return DecisionContext(actor: actor, now: now, district: try districtPolicy(db), units: units)
    }

    /// Records events of the hub's own origin `HUB` (workstation authority) in the caller's
    /// transaction: each continues the hub's chain (next seq, `prev` = hash of the previous one,
    /// the hub's hybrid clock), goes through the same commit path as a node's push (projection,
    /// feeds, conflicts), and the batch's head is signed with the hub's key. A `created` payload
    /// starts a new ticket (the hotline intake); any other needs a ticket the hub holds.
    func appendHubEvents(_ db: Database, _ items: [(ticket: String, payload: TicketEventPayload)], person: String,
                         now: Date) throws -> [TicketEvent] {
        guard let row = try Row.fetchOne(db, sql: "SELECT signing_key, last_seq, last_hash, hlc FROM hub WHERE id = 1") else {
            throw HubStoreError.notInitialized(path: path)
        }
        let key = try NodeSigningKey(base64: row["signing_key"])
        var seq: Int64 = row["last_seq"]
        var previous: String? = row["last_hash"]
        var clock = HybridClock(last: HybridTimestamp(packed: row["hlc"]))
        let actor = Actor(node: Self.origin, role: .workstation, unit: nil, person: person)
        let policy = try Self.districtPolicy(db)
        var events: [TicketEvent] = []
        var chained: [ChainedEvent] = []
        for item in items {
            let held = try ReplicaStore.events(db, ticket: item.ticket)
            let prior = TicketFold.fold(held, policy: policy)
            if case .created = item.payload {
                guard held.isEmpty else { throw HubStoreError.invalidInput("ticket \(item.ticket) already exists at the hub") }
            } else if prior == nil {
                throw TicketError.unknownTicket(item.ticket)
            }
            if let seen = held.map(\.hlc).max() { clock.observe(seen) }
            seq += 1
            // Contact details are sealed like a node's (docs/privacy.md); the hub keeps their values.
            let (made, openings) = ContactSeal.seal(
                TicketEvent(id: EventID(origin: Self.origin, seq: seq), ticket: item.ticket, hlc: clock.tick(now: now),
                            clock: (prior?.clock ?? VectorClock()).incremented(for: Self.origin), actor: actor,
                            payload: item.payload, prev: previous),
                category: prior?.category)
            try SealedOpenings.store(db, openings) { _ in item.ticket }
            // The canonical bytes are the event every replica decodes: fold and chain exactly those.
            let canonical = made.canonicalJSON()
            let event = ChainedEvent(try GongdanJSON.decodeEvent(canonical))
            previous = event.hash
            events.append(event.event)
            chained.append(event)
        }
        guard let last = events.last, let hash = previous else { return [] }
        _ = try commit(db, chained, now: now)
        let head = try key.signHead(origin: Self.origin, seq: last.id.seq, hash: hash)
        try db.execute(sql: "INSERT INTO heads (origin, seq, hash, signature) VALUES (?, ?, ?, ?)",
                       arguments: [head.origin, head.seq, head.hash, head.signature])
        try db.execute(sql: "UPDATE hub SET last_seq = ?, last_hash = ?, hlc = max(hlc, ?) WHERE id = 1",
                       arguments: [seq, hash, clock.last.packed])
        return events
    }
}
