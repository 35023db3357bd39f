import Foundation
import GRDB
import GongdanCore
import GongdanSync

/// The values of sealed contact details a database holds beside their events (`docs/privacy.md`),
/// the replica's and the hub's alike: the hub holds every one; a replica those it may read
/// (``ContactPrivacy``) and those of its own events. Events are stored sealed (their bodies hold the
/// commitments); every fold reads them opened with what is held here.
enum SealedOpenings {
    /// The table and the projection's readers column (migrations "v8" and "hub v13").
    static let sql = """
        CREATE TABLE openings (
            origin TEXT NOT NULL,
            seq INTEGER NOT NULL,
            field TEXT NOT NULL,          -- a CorrectableField
            ticket TEXT NOT NULL,
            value TEXT NOT NULL,
            salt TEXT NOT NULL,           -- the commitment is sha256("gongdan-seal/1|field|salt|value")
            PRIMARY KEY (origin, seq, field)
        ) WITHOUT ROWID;
        CREATE INDEX openings_by_ticket ON openings (ticket);
        ALTER TABLE tickets ADD COLUMN contact_readers TEXT NOT NULL DEFAULT '';  -- units that may read them, ','-joined
        """

    /// Stores openings of `ticket`'s events (already verified), keeping any held.
    static func store(_ db: Database, _ openings: [SealOpening], ticket: (SealOpening) -> String) throws {
        guard !openings.isEmpty else { return }
        let insert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO openings (origin, seq, field, ticket, value, salt) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for opening in openings {
            try insert.execute(arguments: [opening.event.origin, opening.event.seq, opening.field.rawValue,
                                           ticket(opening), opening.value, opening.salt])
        }
    }

    /// Every opening held for `tickets`.
    static func openings(_ db: Database, tickets: some Collection<String>) throws -> [SealOpening] {
        guard !tickets.isEmpty else { return [] }
        let statement = try db.cachedStatement(sql: "SELECT origin, seq, field, value, salt FROM openings WHERE ticket = ? ORDER BY origin, seq, field")
        var openings: [SealOpening] = []
        for ticket in tickets {
            let rows = try Row.fetchCursor(statement, arguments: [ticket])
            while let row = try rows.next() {
                guard let field = CorrectableField(rawValue: row[2]) else { continue }
                openings.append(SealOpening(event: EventID(origin: row[0], seq: row[1]), field: field, value: row[3], salt: row[4]))
            }
        }
        return openings
    }

    /// The openings of `origin`'s events in `seqs` (a push carries those of its batch).
    static func openings(_ db: Database, origin: String, seqs: ClosedRange<Int64>) throws -> [SealOpening] {
        try Row.fetchAll(db, sql: """
            SELECT origin, seq, field, value, salt FROM openings WHERE origin = ? AND seq BETWEEN ? AND ? ORDER BY seq, field
            """, arguments: [origin, seqs.lowerBound, seqs.upperBound]).compactMap { row in
            CorrectableField(rawValue: row[2]).map { SealOpening(event: EventID(origin: row[0], seq: row[1]), field: $0, value: row[3], salt: row[4]) }
        }
    }

    /// `events` of `ticket` with their sealed fields filled in from the openings held (no query when
    /// none is sealed).
    static func open(_ db: Database, _ events: [TicketEvent], ticket: String) throws -> [TicketEvent] {
        guard events.contains(where: { $0.sealed != nil }) else { return events }
        var values: [EventID: [CorrectableField: String]] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT origin, seq, field, value FROM openings WHERE ticket = ?"),
                                       arguments: [ticket])
        while let row = try rows.next() {
            guard let field = CorrectableField(rawValue: row[2]) else { continue }
            values[EventID(origin: row[0], seq: row[1]), default: [:]][field] = row[3]
        }
        guard !values.isEmpty else { return events }
        return events.map { event in values[event.id].map(event.opened(with:)) ?? event }
    }

    /// The problems of the openings held: each must open a commitment of the event it names, on its ticket.
    static func problems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        let event = try db.cachedStatement(sql: "SELECT body FROM events WHERE origin = ? AND seq = ?")
        for row in try Row.fetchAll(db, sql: "SELECT origin, seq, field, ticket, value, salt FROM openings ORDER BY origin, seq, field") {
            let id = EventID(origin: row["origin"], seq: row["seq"])
            let name = "opening \(id) \(row["field"] as String)"
            guard let field = CorrectableField(rawValue: row["field"]) else { problems.append("\(name): not a sealable field"); continue }
            guard let body = try String.fetchOne(event, arguments: [id.origin, id.seq]),
                  let sealed = try? GongdanJSON.decodeEvent(body) else {
                problems.append("\(name): names an event this database does not hold")
                continue
            }
            let opening = SealOpening(event: id, field: field, value: row["value"], salt: row["salt"])
            if !ContactSeal.verifies(opening, for: sealed) || sealed.ticket != row["ticket"] as String {
                problems.append("\(name): does not match the commitment in the event's signed body; the stored value was altered")
            }
        }
        return problems
    }

    /// Stores the openings among `openings` that verify against an event of the batch or one held,
    /// and returns the tickets they open. An opening that does not verify is dropped (the value stays
    /// withheld); one for an event not held yet is dropped too (the hub sends it again with the event).
    static func storeVerified(_ db: Database, _ openings: [SealOpening], batch: [EventID: TicketEvent]) throws -> Set<String> {
        guard !openings.isEmpty else { return [] }
        let stored = try db.cachedStatement(sql: "SELECT body FROM events WHERE origin = ? AND seq = ?")
        var events = batch
        var verified: [SealOpening] = []
        var tickets: [EventID: String] = [:]
        for opening in openings {
            if events[opening.event] == nil, let body = try String.fetchOne(stored, arguments: [opening.event.origin, opening.event.seq]) {
                events[opening.event] = try GongdanJSON.decodeEvent(body)
            }
            guard let event = events[opening.event], ContactSeal.verifies(opening, for: event) else { continue }
            verified.append(opening)
            tickets[opening.event] = event.ticket
        }
        try store(db, verified) { tickets[$0.event]! }
        return Set(tickets.values)
    }
}
