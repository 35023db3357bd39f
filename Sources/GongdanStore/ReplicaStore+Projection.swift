import Foundation
import GRDB
import GongdanCore

extension ReplicaStore {
    /// On a replica: writes a ticket's projection row and, when its history is long, the folded state itself
    /// (``FoldedStates``), in the caller's transaction. Every fold of a replica records its result here.
    static func recordFold(_ db: Database, _ state: TicketState) throws {
        try FoldedStates.write(db, state)
        try writeProjection(db, state)
    }

    /// Writes a ticket's projection row (and the units it involves) from its folded state (replica and hub).
    static func writeProjection(_ db: Database, _ state: TicketState) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO tickets (
                code, query_code, category, source, status, entity_name, credit_code, summary, lead, co_units,
                created_by_node, created_by_unit, hotline_order, created_at, intake_deadline, dispatched_at,
                sign_by, signed_at, deadline, replied_at, accepted_at, closed_at, round, escalated, returns,
                rejected_replies, unsatisfied, pending_extension_days, last_satisfaction, event_count,
                last_event_at, clock, contact_readers)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let intake = state.intake
        let values: [(any DatabaseValueConvertible)?] = [
            intake.code, intake.queryCode ?? "", intake.category.rawValue, intake.source.rawValue, state.status.rawValue,
            intake.entity.name, intake.entity.creditCode, intake.summary, state.lead,
            state.coUnits.joined(separator: ","), state.createdBy.node, state.createdBy.unit, intake.hotlineOrder,
            state.createdAt.millis, intake.intakeDeadline?.millis, state.dispatchedAt?.millis, state.signBy?.millis,
            state.signedAt?.millis, state.deadline?.millis, state.repliedAt?.millis, state.replyAcceptedAt?.millis,
            state.closedAt?.millis, state.round, state.escalated, state.returns.count, state.rejectedReplies,
            state.unsatisfiedCount, state.pendingExtension?.days, state.evaluations.last?.satisfaction.rawValue,
            state.eventCount, state.lastEventAt.millis, state.clock.description,
            ContactPrivacy.unitReaders(of: state).joined(separator: ","),
        ]
        // The 33 values match the statement's 33 placeholders: bind without GRDB's validation pass.
        statement.setUncheckedArguments(StatementArguments(values))
        try statement.execute()
        let involve = try db.cachedStatement(sql: "INSERT OR IGNORE INTO ticket_units (ticket, unit) VALUES (?, ?)")
        var involved: [String] = []
        for unit in [state.lead, state.createdBy.unit].compactMap({ $0 }) + state.coUnits where !involved.contains(unit) {
            involved.append(unit)
            involve.setUncheckedArguments([intake.code, unit])
            try involve.execute()
        }
    }
}
