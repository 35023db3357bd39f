import Foundation
import GRDB
import GongdanCore

extension ReplicaStore {
    /// The tickets of one to-do list, most urgent first, at most `limit` of them, and how many there are.
    /// `unit`: the unit whose lists these are (nil on the workstation). Read from the projections only.
    public func tickets(in queue: WorkQueue, unit: String?, limit: Int) throws -> TicketPage {
        let condition = queue.condition(unit: unit)
        return try db.read { db in
            let arguments = StatementArguments(condition.arguments)
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns) FROM tickets WHERE \(condition.sql) ORDER BY \(queue.order) LIMIT \(max(0, limit))
                """, arguments: arguments)
            let total = rows.count < limit ? rows.count
                : try Int.fetchOne(db, sql: "SELECT count(*) FROM tickets WHERE \(condition.sql)", arguments: arguments) ?? 0
            return TicketPage(tickets: try rows.map(Self.summary), total: total)
        }
    }

    /// Tickets this replica holds whose code, entity name, credit code or summary contains `text`, or whose
    /// contact details held here (the openings this node may read) contain it: open tickets first, then
    /// the newest. An empty text finds nothing.
    public func searchTickets(_ text: String, limit: Int) throws -> [TicketSummary] {
        let needle = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !needle.isEmpty else { return [] }
        let pattern = "%" + needle.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
        return try db.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns) FROM tickets
                WHERE code LIKE ?1 ESCAPE '\\' OR entity_name LIKE ?1 ESCAPE '\\' OR credit_code LIKE ?1 ESCAPE '\\'
                   OR summary LIKE ?1 ESCAPE '\\'
                   OR code IN (SELECT ticket FROM openings WHERE field IN ('phone', 'contact', 'entityName', 'creditCode')
                               AND value LIKE ?1 ESCAPE '\\')
                ORDER BY status IN ('closed', 'merged'), created_at DESC, code
                LIMIT ?2
                """, arguments: [pattern, max(0, limit)])
            return try rows.map(Self.summary)
        }
    }
}

extension ReplicaStore {
    /// The tickets named `name` or with credit code `creditCode` that are open, or closed since `closedSince`:
    /// the candidates of an intake's duplicate hints (the core decides which are the same entity), the newest first.
    public func ticketsOfEntity(name: String, creditCode: String?, closedSince: Date, limit: Int) throws -> [TicketSummary] {
        try db.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns) FROM tickets
                WHERE (entity_name = ?1 OR (?2 IS NOT NULL AND credit_code = ?2))
                  AND (status NOT IN ('closed', 'merged') OR closed_at >= ?3)
                ORDER BY created_at DESC, code LIMIT ?4
                """, arguments: [name, creditCode, closedSince.millis, max(0, limit)])
            return try rows.map(Self.summary)
        }
    }
}

extension ReplicaStore {
    /// The people who recorded this node's last 5,000 events, the most recent first: the names the desk
    /// offers at sign-in.
    public func recentPeople(limit: Int) throws -> [String] {
        try db.read { db in
            try String.fetchAll(db, sql: """
                SELECT person FROM (
                    SELECT json_extract(body, '$.actor.person') AS person, max(seq) AS latest FROM events
                    WHERE origin = (SELECT code FROM node WHERE id = 1)
                      AND seq > (SELECT last_seq FROM node WHERE id = 1) - 5000
                    GROUP BY person)
                WHERE person IS NOT NULL ORDER BY latest DESC LIMIT ?
                """, arguments: [max(0, limit)])
        }
    }
}
