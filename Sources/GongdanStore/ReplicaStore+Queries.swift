import Foundation
import GRDB
import GongdanCore

extension ReplicaStore {
    /// The work list: tickets matching `filter` from the projections (no event is read), most
    /// urgent first (earliest deadline, then oldest).
    public func tickets(matching filter: TicketFilter) throws -> TicketPage {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let status = filter.status {
            conditions.append("status = ?")
            arguments.append(status.rawValue)
        }
        if let overdueAt = filter.overdueAt {
            conditions.append("status IN ('pendingSign', 'handling') AND deadline <= ?")
            arguments.append(overdueAt.millis)
        }
        if let range = filter.dueBetween {
            conditions.append("status IN ('pendingSign', 'handling') AND deadline > ? AND deadline <= ?")
            arguments.append(range.lowerBound.millis)
            arguments.append(range.upperBound.millis)
        }
        if filter.openOnly {
            conditions.append("status NOT IN ('closed', 'merged')")
        }
        if let unit = filter.unit {
            conditions.append("(lead = ? OR ',' || co_units || ',' LIKE ?)")
            arguments.append(unit)
            arguments.append("%,\(unit),%")
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let limitClause = filter.limit.map { " LIMIT \(max(0, $0))" } ?? ""
        // Deadline-bounded lists read the open-by-deadline index in order and stop at the limit;
        // other lists sort (tickets without a deadline last, then the oldest first).
        let deadlineBounded = filter.overdueAt != nil || filter.dueBetween != nil
        let orderClause = deadlineBounded ? "ORDER BY deadline, code" : "ORDER BY deadline IS NULL, deadline, created_at, code"
        // Without statistics SQLite prefers the status index and sorts every open ticket; the
        // partial open-by-deadline index answers these lists (and their counts) directly.
        let openStatuses: [TicketStatus?] = [nil, .pendingSign, .handling]
        let table = deadlineBounded && openStatuses.contains(filter.status)
            ? "tickets INDEXED BY tickets_open_by_deadline" : "tickets"
                return try db.read { db in
            let args = StatementArguments(arguments)
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns) FROM \(table) \(whereClause)
                \(orderClause)\(limitClause)
                """, arguments: args)
            let total = filter.limit == nil ? rows.count
                : try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) \(whereClause)", arguments: args) ?? 0
            return TicketPage(tickets: try rows.map(Self.summary), total: total)
        }
    }

    /// The ticket whose hotline order number is `order`, if one was taken in already.
    public func ticketCode(forHotlineOrder order: String) throws -> String? {
        try db.read { db in
            try String.fetchOne(db, sql: "SELECT code FROM tickets WHERE hotline_order = ?", arguments: [order])
        }
    }

    /// Figures for `gongdan status`.
    public func statistics(at now: Date) throws -> ReplicaStatistics {
        try db.read { db in
            var byStatus: [TicketStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM tickets GROUP BY status") {
                if let status = TicketStatus(rawValue: row["status"]) { byStatus[status] = row["n"] }
            }
            let overdue = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM tickets INDEXED BY tickets_open_by_deadline
                WHERE status IN ('pendingSign', 'handling') AND deadline <= ?
                """, arguments: [now.millis]) ?? 0
            let signOverdue = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM tickets INDEXED BY tickets_unsigned_by_sign_by
                WHERE status = 'pendingSign' AND sign_by <= ?
                """, arguments: [now.millis]) ?? 0
            // Events are never deleted and duplicates never take a rowid, so the largest rowid is the count.
            let events = try Int.fetchOne(db, sql: "SELECT coalesce(max(local_id), 0) FROM events") ?? 0
            let lastSeq = try Int64.fetchOne(db, sql: "SELECT last_seq FROM node WHERE id = 1") ?? 0
            return ReplicaStatistics(ticketsByStatus: byStatus, overdue: overdue, signOverdue: signOverdue,
                                     events: events, lastSeq: lastSeq)
        }
    }

    /// The projection's columns ``summary(_:)`` reads.
    static let summaryColumns = """
        code, status, category, source, entity_name, credit_code, summary, lead, co_units, created_at, sign_by, deadline, round,
        pending_extension_days, intake_deadline
        """

    static func summary(_ row: Row) throws -> TicketSummary {
        guard let status = TicketStatus(rawValue: row["status"]),
              let category = TicketCategory(rawValue: row["category"]),
              let source = IntakeSource(rawValue: row["source"])
        else { throw StoreError.corruptEvent(origin: row["code"], seq: 0, reason: "unknown status, category or source in projection") }
        let co: String = row["co_units"]
        return TicketSummary(
            code: row["code"], status: status, category: category, source: source,
            entityName: row["entity_name"], creditCode: row["credit_code"], summary: row["summary"], lead: row["lead"],
            coUnits: co.isEmpty ? [] : co.split(separator: ",").map(String.init),
            createdAt: Date(millis: row["created_at"]),
            signBy: (row["sign_by"] as Int64?).map(Date.init(millis:)),
            deadline: (row["deadline"] as Int64?).map(Date.init(millis:)),
            round: row["round"], pendingExtensionDays: row["pending_extension_days"],
            intakeDeadline: (row["intake_deadline"] as Int64?).map(Date.init(millis:)))
    }
}

/// Counts for `gongdan status`.
public struct ReplicaStatistics: Hashable, Sendable {
    public var ticketsByStatus: [TicketStatus: Int]
    /// Open tickets past their handling deadline.
    public var overdue: Int
    /// Dispatched tickets past their signing limit, unsigned.
    public var signOverdue: Int
    /// Events stored (this node's and others').
    public var events: Int
    /// This node's last event seq.
    public var lastSeq: Int64

    public var tickets: Int { ticketsByStatus.values.reduce(0, +) }
}
