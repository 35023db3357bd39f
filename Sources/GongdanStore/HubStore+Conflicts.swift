import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// The conflict queue, oldest first: the open conflicts, or those with `status`, or all (nil).
    public func conflicts(status: Conflict.Status? = .open) throws -> [Conflict] {
        try db.read { db in
            let rows: [Row]
            if let status {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM conflicts WHERE status = ? ORDER BY id", arguments: [status.rawValue])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM conflicts ORDER BY id")
            }
            return try rows.map { try Self.conflict(db, $0) }
        }
    }

    /// One conflict by id.
    public func conflict(id: Int64) throws -> Conflict {
        try db.read { db in try Self.conflict(db, id: id) }
    }

    /// Confirms or overrides a conflict's automatic decision. An override records an event of the
    /// hub's origin `HUB` (workstation authority, chained and signed with the hub's key) that every
    /// node in the ticket's scope receives on its next pull.
    ///
    /// ```swift
    /// try hub.resolveConflict(id: 3, resolution: .override(lead: "DX", value: nil), note: "DX knows the case",
    ///                         person: "运维", now: Date())
    /// ```
    @discardableResult
    public func resolveConflict(id: Int64, resolution: Resolution, note: String?, person: String, now: Date) throws -> Conflict {
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        return try db.write { db in
            let conflict = try Self.conflict(db, id: id)
            guard conflict.status == .open else { throw HubStoreError.conflictClosed(id: id, status: conflict.status.rawValue) }
            switch resolution {
            case .confirm:
                try db.execute(sql: "UPDATE conflicts SET status = 'confirmed', resolved_at = ?, resolution = ? WHERE id = ?",
                               arguments: [now.millis, "confirmed" + (note.map { ": \($0)" } ?? ""), id])
            case .override(let lead, let value):
                let event = try overrideEvent(db, conflict, lead: lead, value: value, person: person, now: now)
                let text = "overridden by \(event.id) (\(event.payload.type))" + (note.map { ": \($0)" } ?? "")
                try db.execute(sql: "UPDATE conflicts SET status = 'overridden', resolved_at = ?, resolution = ? WHERE id = ?",
                               arguments: [now.millis, text, id])
            }
            return try Self.conflict(db, id: id)
        }
    }

    /// Records the hub's event that overrides `conflict`'s automatic decision.
    private func overrideEvent(_ db: Database, _ conflict: Conflict, lead: String?, value: String?, person: String,
                               now: Date) throws -> TicketEvent {
        let code: String
        let command: TicketCommand
        switch conflict.kind {
        case .assignment, .handedOverReply:
            guard let lead = lead?.trimmingCharacters(in: .whitespaces).uppercased(), !lead.isEmpty else {
                throw HubStoreError.invalidInput("overriding an assignment needs --lead UNIT: the unit that should lead ticket \(conflict.ticket)")
            }
            code = conflict.ticket
            let state = try Self.requireState(db, code)
            command = state.status == .pendingEscalation || state.escalated ? .escalate(lead: lead, co: []) : .dispatch(lead: lead, co: [])
        case .concurrentCorrection:
            guard let value else {
                throw HubStoreError.invalidInput("overriding a correction needs --value TEXT: the value the field should have")
            }
            guard let field = conflict.events.lazy.compactMap({ event -> CorrectableField? in
                if case .corrected(let field, _) = event.payload { return field }
                return nil
            }).first else { throw HubStoreError.invalidInput("conflict #\(conflict.id) names no correction the hub holds") }
            code = conflict.ticket
            command = .correct(field: field, value: value)
        case .concurrentEvaluation:
            throw HubStoreError.invalidInput("an evaluation conflict is confirmed, not overridden (`gongdan hub conflicts resolve \(conflict.id) --confirm`): both evaluations stay on the record; if the entity disagrees with the one that stands, the workstation calls it back")
        case .duplicateIntake:
            guard lead == nil, value == nil else {
                throw HubStoreError.invalidInput("overriding a duplicate intake merges the newer ticket into the older; it takes no --lead or --value")
            }
            let tickets = conflict.events.map(\.ticket)
            guard tickets.count == 2, let older = tickets.first(where: { $0 != conflict.ticket }) else {
                throw HubStoreError.invalidInput("conflict #\(conflict.id) does not name two tickets the hub holds")
            }
            code = conflict.ticket
            command = .merge(into: older)
        }
        let state = try Self.requireState(db, code)
        let context = try Self.hubDecisionContext(db, person: person, now: now)
        let payload = try TicketDecider.decide(command, on: state, in: context)
        return try appendHubEvents(db, [(code, payload)], person: person, now: now)[0]
    }

    static func requireState(_ db: Database, _ code: String) throws -> TicketState {
        guard let state = TicketFold.fold(try ReplicaStore.events(db, ticket: code), policy: try Self.districtPolicy(db)) else { throw TicketError.unknownTicket(code) }
        return state
    }

    /// Records a detected conflict once per key; an open one whose events changed is updated.
    /// Returns the notice when the queue changed.
    static func record(_ db: Database, _ conflict: DetectedConflict, at now: Date) throws -> ConflictNotice? {
        let events = String(decoding: try GongdanJSON.encoder().encode(conflict.events), as: UTF8.self)
        try db.cachedStatement(sql: """
            INSERT INTO conflicts (ticket, kind, key, events, summary, decision, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, 'open', ?)
            ON CONFLICT(key) DO UPDATE SET kind = excluded.kind, events = excluded.events, summary = excluded.summary,
                decision = excluded.decision
            WHERE conflicts.status = 'open' AND conflicts.events != excluded.events
            """).execute(arguments: [conflict.ticket, conflict.kind.rawValue, conflict.key, events, conflict.summary,
                             conflict.decision, now.millis])
        guard db.changesCount > 0,
              let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM conflicts WHERE key = ?"), arguments: [conflict.key])
        else { return nil }
        return ConflictNotice(id: id, ticket: conflict.ticket, kind: conflict.kind, summary: conflict.summary)
    }

    static func conflict(_ db: Database, id: Int64) throws -> Conflict {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM conflicts WHERE id = ?", arguments: [id]) else {
            throw HubStoreError.unknownConflict(id: id)
        }
        return try conflict(db, row)
    }

    static func conflict(_ db: Database, _ row: Row) throws -> Conflict {
        let decoder = GongdanJSON.decoder()
        let ids = try decoder.decode([EventID].self, from: Data((row["events"] as String).utf8))
        let statement = try db.cachedStatement(sql: "SELECT body FROM events WHERE origin = ? AND seq = ?")
        let events = try ids.compactMap { id -> TicketEvent? in
            guard let body = try String.fetchOne(statement, arguments: [id.origin, id.seq]) else { return nil }
            return try decoder.decode(TicketEvent.self, from: Data(body.utf8))
        }
        return Conflict(id: row["id"], ticket: row["ticket"], kind: ConflictKind(rawValue: row["kind"]) ?? .assignment,
                        status: Conflict.Status(rawValue: row["status"]) ?? .open, summary: row["summary"],
                        decision: row["decision"], events: events, eventIDs: ids, createdAt: Date(millis: row["created_at"]),
                        resolvedAt: (row["resolved_at"] as Int64?).map(Date.init(millis:)), resolution: row["resolution"])
    }
}
