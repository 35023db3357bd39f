import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// The person recorded on the tickets the hub takes in from the 12345 hotline platform.
    public static let hotlinePerson = "12345热线"

    /// What `POST /api/v1/intake` did with a hotline item.
    public struct HotlineIntake: Hashable, Sendable {
        /// `created`: this post took the item in; `existing`: an earlier one (or a workstation's
        /// `ticket new` / `ticket import` of the same order) did.
        public enum Result: String, Hashable, Sendable, Codable {
            case created
            case existing
        }

        /// The ticket the hotline order is (`HUB-26-0001`, or a workstation's code for an order
        /// it took in itself).
        public var ticket: String
        public var result: Result
        /// The ticket's query code (查询码), derived with the district's secret: the hotline tells it
        /// to the caller, who follows the ticket and evaluates it on the public page with it.
        public var queryCode: String

        public init(ticket: String, result: Result, queryCode: String) {
            self.ticket = ticket
            self.result = result
            self.queryCode = queryCode
        }
    }

    // MARK: - The hotline platform's credential

    /// Issues the 12345 hotline platform's bearer token for `POST /api/v1/intake` and returns it.
    /// The hub keeps only its SHA-256; issuing again replaces the previous token, which stops
    /// working at once. The token works on the intake endpoint only, never on `/sync/*`.
    ///
    /// ```swift
    /// let token = try hub.issueIntakeToken(at: Date())   // hand it to the hotline platform
    /// ```
    public func issueIntakeToken(at now: Date) throws -> String {
        let token = Self.makeToken()
        try db.write { db in
            guard try Self.info(db) != nil else { throw HubStoreError.notInitialized(path: path) }
            try db.execute(sql: """
                INSERT INTO intake_credential (id, token_hash, issued_at, last_used) VALUES (1, ?, ?, NULL)
                ON CONFLICT(id) DO UPDATE SET token_hash = excluded.token_hash, issued_at = excluded.issued_at, last_used = NULL
                """, arguments: [Self.tokenHash(token), now.millis])
        }
        return token
    }

    /// When the current intake token was issued, or nil when none was.
    public func intakeTokenIssuedAt() throws(SyncError) -> Date? {
        try syncRead { db in
            try Int64.fetchOne(db, sql: "SELECT issued_at FROM intake_credential WHERE id = 1").map(Date.init(millis:))
        }
    }

    /// Whether `token` is the hotline platform's current intake token.
    public func isIntakeToken(_ token: String) throws(SyncError) -> Bool {
        let hash = Self.tokenHash(token)
        return try syncRead { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM intake_credential WHERE id = 1 AND token_hash = ?", arguments: [hash]) == true
        }
    }

    // MARK: - Taking in a hotline item

    /// Takes in a 12345 hotline item as a ticket of the hub's own origin `HUB`, or answers the
    /// ticket its order number already is.
    ///
    /// Idempotent on `request.hotlineOrder`: an order the hub holds a ticket for (taken in here or
    /// by the workstation and pushed) answers `existing` with that ticket and stores nothing, even
    /// when the rest of the item differs. A new order becomes a `created` event decided by
    /// `TicketDecider.decideIntake` with workstation authority (source `hotline`, the 1-working-day
    /// intake deadline on the official calendar), coded `HUB-YY-NNNN` from the hub's own counter
    /// for the year in China Standard Time, and recorded through the same chained, signed commit
    /// path as the hub's conflict overrides, so the workstation receives it on its next pull.
    ///
    /// Either answer carries the ticket's query code, derived with the district's secret (the
    /// event carries none, protocol 1.4), for the hotline to tell the caller.
    ///
    /// Refusals are `malformed_request` with the decider's reason (empty summary, bad credit code,
    /// received in the future, …); nothing is stored then.
    public func takeInHotlineItem(_ request: IntakeRequest, now: Date) throws(SyncError) -> HotlineIntake {
        var request = request
        let order = (request.hotlineOrder ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard request.source == .hotline, !order.isEmpty else {
            throw SyncError(.malformed, "orderNumber is empty: send the hotline's own order number (the key of idempotent intake)")
        }
        request.hotlineOrder = order
        return try syncWrite { db in
            let secret = try Self.queryCodeSecret(db)
            if let existing = try Self.ticketCode(db, hotlineOrder: order) {
                return HotlineIntake(ticket: existing, result: .existing, queryCode: secret.queryCode(for: existing))
            }
            let code = try Self.nextHubTicketCode(db, at: now)
            let context = try Self.hubDecisionContext(db, person: Self.hotlinePerson, now: now)
            let payload: TicketEventPayload
            do throws(TicketError) {
                payload = try TicketDecider.decideIntake(request, code: code, in: context)
            } catch {
                throw SyncError(.malformed, "hotline order \(order) was not taken in: \(Self.inFieldTerms(error.description))")
            }
            _ = try appendHubEvents(db, [(code, payload)], person: Self.hotlinePerson, now: now)
            try db.execute(sql: "UPDATE intake_credential SET last_used = ? WHERE id = 1", arguments: [now.millis])
            return HotlineIntake(ticket: code, result: .created, queryCode: secret.queryCode(for: code))
        }
    }

    /// The intake's message with its command-line flags named as the item's JSON fields
    /// (`--hotline-received-at` → `receivedAt`).
    static func inFieldTerms(_ message: String) -> String {
        [("--hotline-received-at", "receivedAt"), ("--hotline-order", "orderNumber"), ("--credit-code", "entity.creditCode"),
         ("--entity", "entity.name"), ("--summary", "summary"), ("--phone", "entity.phone"), ("--detail", "detail")]
            .reduce(message) { text, pair in text.replacingOccurrences(of: pair.0, with: pair.1) }
    }

    /// The ticket the hub holds for a hotline order number, if any (the oldest, should two exist).
    public func ticketCode(forHotlineOrder order: String) throws(SyncError) -> String? {
        let order = order.trimmingCharacters(in: .whitespacesAndNewlines)
        return try syncRead { db in try Self.ticketCode(db, hotlineOrder: order) }
    }

    static func ticketCode(_ db: Database, hotlineOrder order: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT code FROM tickets WHERE hotline_order = ? ORDER BY created_at, code LIMIT 1",
                            arguments: [order])
    }

    /// The hub's next ticket code for the year of `now` in China Standard Time (`HUB-26-0001`),
    /// counted in `hub_ticket_counters`; a code already held (a restored database) is skipped.
    static func nextHubTicketCode(_ db: Database, at now: Date) throws -> String {
        let year = CivilDate.inChinaStandardTime(now).year
        var number = (try Int.fetchOne(db, sql: "SELECT last FROM hub_ticket_counters WHERE year = ?", arguments: [year]) ?? 0) + 1
        var code = TicketCode.make(node: origin, year: year, number: number)
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM events WHERE ticket = ? LIMIT 1", arguments: [code]) == true {
            number += 1
            code = TicketCode.make(node: origin, year: year, number: number)
        }
        try db.execute(sql: "INSERT OR REPLACE INTO hub_ticket_counters (year, last) VALUES (?, ?)", arguments: [year, number])
        return code
    }
}
