import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// When a push's events are folded into the hub's projections (tickets, facts, daily sums,
    /// scope, feeds, conflicts).
    public enum ProjectionTiming: Sendable {
        /// In the push's own transaction: the answer carries the conflicts it raised.
        case immediate
        /// After the answer, by ``projectPending(limit:now:)``: the push is acknowledged once its
        /// events are durably stored, and the conflicts it raises reach the node with a later answer
        /// or the last page of its pull (protocol 1.3).
        case deferred
    }

    /// How many stored events are not yet folded into the projections.
    public func projectionBacklog() throws -> Int64 {
        try db.read { db in try Self.projectionBacklog(db) }
    }

    /// Folds up to `limit` stored events into the projections, in commit order, in one transaction;
    /// returns how many it folded. Nodes are told of the conflicts their events raised with their
    /// next push answer or last pull page.
    @discardableResult
    public func projectPending(limit: Int = HubStore.foldChunk, now: Date) throws -> Int {
        try db.write { db in try self.projectPending(db, limit: limit, now: now) }
    }

    /// Folds every stored event not yet folded, if any, a transaction per ``foldChunk`` events:
    /// what a reader does before it reads the projections (a cheap read when there is nothing to
    /// fold). A failure is `storage_failure`; what was folded before it stays folded.
    public func catchUpProjections(now: Date) throws(SyncError) {
        while try syncRead({ db in try Self.projectionBacklog(db) }) > 0 {
            _ = try syncWrite { db in try projectPending(db, limit: Self.foldChunk, now: now) }
        }
    }

    /// How many events one fold reads at a time (memory stays flat whatever the backlog).
    public static let foldChunk = 2000

    /// Folds every stored event not yet folded, ``foldChunk`` at a time, in the caller's transaction.
    func projectAll(_ db: Database, now: Date) throws {
        while try projectPending(db, limit: Self.foldChunk, now: now) > 0 {}
    }

    static func projectionBacklog(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce((SELECT max(local_id) FROM events), 0) - coalesce((SELECT projected_through FROM hub WHERE id = 1), 0)
            """)) ?? 0
    }

    /// Folds the events after the projection's watermark (at most `limit`) and advances it, in the
    /// caller's transaction. Each touched ticket is folded from all its events up to the last one
    /// folded here; the unit feeds grow (a ticket entering a unit's scope brings its whole history
    /// first); conflicts are recorded and addressed to the nodes whose events raised them.
    @discardableResult
    func projectPending(_ db: Database, limit: Int, now: Date) throws -> Int {
        let through = try Int64.fetchOne(db.cachedStatement(sql: "SELECT projected_through FROM hub WHERE id = 1")) ?? 0
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT origin, seq, body, local_id, hash FROM events WHERE local_id > ? ORDER BY local_id LIMIT ?
            """), arguments: [through, limit])
        guard let last = rows.last?[3] as Int64? else { return 0 }
        let kept = unfolded.take(through: last)
        var pending = PendingTickets()
        let policy = try Self.districtPolicy(db)
        for row in rows {
            let commit: Int64 = row[3]
            if let entry = kept[commit], entry.hash == row[4] as String? {
                pending.add(entry.event, commit: commit)
            } else {
                pending.add(try ReplicaStore.decodeEvent(row), commit: commit)
            }
        }
        for ticket in pending.order {
            let raisedBy = Set(pending.fresh[ticket, default: []].map(\.id.origin)).subtracting([Self.origin])
            for notice in try project(db, ticket: ticket, pending: pending, storedUpTo: through, policy: policy, now: now) {
                // A duplicate intake names another ticket and its entity: the workstation hears of it, never
                // the unit whose walk-in raised it (it would learn of a ticket it never handled).
                try Self.addressConflict(db, notice.id, to: notice.kind == .duplicateIntake ? try Self.workstations(db) : raisedBy)
            }
        }
        try db.cachedStatement(sql: "UPDATE hub SET projected_through = ? WHERE id = 1").execute(arguments: [last])
        return rows.count
    }

    /// The events of a stretch of the commit sequence, by ticket, in commit order.
    struct PendingTickets {
        var order: [String] = []
        var fresh: [String: [TicketEvent]] = [:]
        var commits: [String: [Int64]] = [:]
        var created: [String: EventID] = [:]

        mutating func add(_ event: TicketEvent, commit: Int64) {
            if commits[event.ticket] == nil { order.append(event.ticket) }
            commits[event.ticket, default: []].append(commit)
            fresh[event.ticket, default: []].append(event)
            if case .created = event.payload { created[event.ticket] = event.id }
        }
    }

    /// Folds one ticket from its events folded before (`storedUpTo`) and its pending ones; returns
    /// the conflicts that are new or changed.
    private func project(_ db: Database, ticket: String, pending: PendingTickets, storedUpTo through: Int64,
                         policy: DistrictPolicy, now: Date) throws -> [ConflictNotice] {
        let before = try Self.unitsInvolved(db, ticket: ticket)
        let fresh = try SealedOpenings.open(db, pending.fresh[ticket, default: []], ticket: ticket)
        // The ticket's events in the store's order (hlc, origin, seq), as `ReplicaStore.events` reads them.
        let all = (try ReplicaStore.events(db, ticket: ticket, storedUpTo: through) + fresh)
            .sorted { ($0.hlc, $0.id.origin, $0.id.seq) < ($1.hlc, $1.id.origin, $1.id.seq) }
        // Events of a ticket whose `created` event the hub does not hold yet wait for it.
        guard let state = TicketFold.fold(all, policy: policy) else { return [] }
        try ReplicaStore.writeProjection(db, state)
        try Self.writeFacts(db, state, stored: all.count > fresh.count)
        let entering = Self.scope(of: state, events: all).subtracting(before).sorted()
        try Self.recordScope(db, ticket: ticket, units: entering)
        let commits = pending.commits[ticket, default: []]
        try extendFeeds(db, ticket: ticket, entering: entering, staying: before, commits: commits,
                        through: commits.last ?? through)
        var detected = ConflictDetector.detect(events: all, state: state)
        if let createdEvent = pending.created[ticket] {
            detected += try duplicateIntakes(db, state: state, createdEvent: createdEvent)
        }
        return try detected.compactMap { conflict in try Self.record(db, conflict, at: now) }
    }
}
