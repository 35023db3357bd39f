import Foundation
import GRDB
import GongdanCore

extension HubStore {
    /// The consolidated status at `now`: one indexed count per figure on the `tickets` projection.
    public func dashboardStatus(at now: Date) throws -> DashboardStatus {
        try db.read { db in
            let count = try db.cachedStatement(sql: "SELECT count(*) FROM tickets WHERE status = ?")
            var byStatus: [TicketStatus: Int] = [:]
            for status in TicketStatus.allCases where !status.isFinal {
                byStatus[status] = try Int.fetchOne(count, arguments: [status.rawValue]) ?? 0
            }
            let overdue = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM tickets INDEXED BY tickets_open_by_deadline
                WHERE status IN ('pendingSign', 'handling') AND deadline <= ?
                """, arguments: [now.millis]) ?? 0
            let pastLimit = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM tickets INDEXED BY hub_tickets_unsigned_by_sign_by
                WHERE status = 'pendingSign' AND sign_by <= ?
                """, arguments: [now.millis]) ?? 0
            return DashboardStatus(at: now, open: byStatus.values.reduce(0, +),
                                   pendingDispatch: byStatus[.pendingDispatch] ?? 0, unsigned: byStatus[.pendingSign] ?? 0,
                                   unsignedPastLimit: pastLimit, handling: byStatus[.handling] ?? 0, overdue: overdue,
                                   pendingReview: byStatus[.pendingReview] ?? 0,
                                   pendingEvaluation: byStatus[.pendingEvaluation] ?? 0,
                                   pendingEscalation: byStatus[.pendingEscalation] ?? 0)
        }
    }

    /// Open tickets past their handling deadline at `now`, the longest overdue first; at most
    /// `limit` (nil: all), after `position` when given (the next page of an export).
    public func overdueTickets(at now: Date, after position: DashboardTicket.Position? = nil,
                               limit: Int? = nil) throws -> [DashboardTicket] {
        try dashboardTickets(sql: """
            SELECT \(Self.dashboardColumns) FROM tickets INDEXED BY tickets_open_by_deadline
            WHERE status IN ('pendingSign', 'handling') AND deadline <= ?
            """, arguments: [now.millis], sortedBy: "deadline", after: position, limit: limit)
    }

    /// Dispatched tickets not yet signed, the earliest signing limit first (those past it lead);
    /// at most `limit` (nil: all), after `position` when given.
    public func unsignedTickets(at now: Date, after position: DashboardTicket.Position? = nil,
                                limit: Int? = nil) throws -> [DashboardTicket] {
        try dashboardTickets(sql: """
            SELECT \(Self.dashboardColumns) FROM tickets INDEXED BY hub_tickets_unsigned_by_sign_by
            WHERE status = 'pendingSign'
            """, arguments: [], sortedBy: "sign_by", after: position, limit: limit)
    }

    static let dashboardColumns = "code, category, status, entity_name, summary, lead, dispatched_at, sign_by, deadline"

    /// `sql` (a SELECT with a WHERE clause) in the order of `key` then code, past `position`.
    private func dashboardTickets(sql: String, arguments: StatementArguments, sortedBy key: String,
                                  after position: DashboardTicket.Position?, limit: Int?) throws -> [DashboardTicket] {
        var query = sql, arguments = arguments
        if let position {
            // (key, code) after the position, with the key's lower bound spelled out for the index.
            query += " AND \(key) >= ? AND (\(key) > ? OR code > ?)"
            arguments += [position.key.millis, position.key.millis, position.code]
        }
        query += " ORDER BY \(key), code" + (limit.map { " LIMIT \(max(0, $0))" } ?? "")
        return try db.read { db in
            try Row.fetchAll(db, sql: query, arguments: arguments).compactMap { row in
                guard let category = TicketCategory(rawValue: row["category"]),
                      let status = TicketStatus(rawValue: row["status"]) else { return nil }
                return DashboardTicket(code: row["code"], category: category, status: status, entityName: row["entity_name"],
                                       summary: row["summary"], lead: row["lead"],
                                       dispatchedAt: (row["dispatched_at"] as Int64?).map(Date.init(millis:)),
                                       signBy: (row["sign_by"] as Int64?).map(Date.init(millis:)),
                                       deadline: (row["deadline"] as Int64?).map(Date.init(millis:)))
            }
        }
    }

    /// The hub's commit sequence so far (the highest `events.local_id`): it changes whenever
    /// anything is stored, so views computed from the events can be cached against it.
    public func commitSequence() throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(local_id), 0) FROM events") ?? 0 }
    }
}
