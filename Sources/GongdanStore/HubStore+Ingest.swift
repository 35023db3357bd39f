import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// What the hub holds of `node` (`GET /sync/state`), the hub's clock, limits and directory,
    /// its epoch, and what the node reported at its previous contact. Records that the node was
    /// seen, the protocol it spoke, the clock it was answered (its next pull makes it the node's clock
    /// floor, ``recordClockFloor(node:lastSeq:)``) and, when it says (1.2 `?lastSeq=`), its last local seq.
    /// The answer carries the digest of the district policy, and the policy itself unless the caller
    /// said (1.4 `?policy=`) that it holds that digest already. A workstation caller also gets the
    /// district's query-code secret (1.4); a unit never does.
    public func syncState(for node: RegisteredNode, now: Date, reportedLastSeq: Int64? = nil,
                          protocol version: ProtocolVersion? = nil, policyDigest: String? = nil) throws(SyncError) -> SyncState {
        try syncWrite { db in
            let row = try Row.fetchOne(db, sql: "SELECT public_key, reported_seq, reported_at FROM nodes WHERE code = ?",
                                       arguments: [node.code])
            let publicKey = row.flatMap { $0["public_key"] as String? }
            var previous: ReportedContact?
            if let row, let seq = row["reported_seq"] as Int64?, let at = row["reported_at"] as Int64? {
                previous = ReportedContact(lastSeq: seq, at: Date(millis: at))
            }
            try db.execute(sql: "UPDATE nodes SET last_seen = ?, protocol = coalesce(?, protocol) WHERE code = ?",
                           arguments: [now.millis, version?.description, node.code])
            if let reportedLastSeq {
                try db.execute(sql: "UPDATE nodes SET reported_seq = ?, reported_at = ? WHERE code = ?",
                               arguments: [reportedLastSeq, now.millis, node.code])
            }
            try Self.recordAnsweredClock(db, node: node.code, now: now)
            let origin = try Self.originHead(db, node.code)
            let epoch = try String.fetchOne(db, sql: "SELECT epoch FROM hub WHERE id = 1")
            let policy = try Self.syncedPolicy(db)
            let digest = policy.digest
            // Only the workstation derives query codes; a unit never receives the secret (1.4).
            let secret = node.role == .workstation ? try Self.queryCodeSecret(db).base64 : nil
            return SyncState(node: node.code, role: node.role, hubHas: origin.seq, hubHeadHash: origin.hash,
                             publicKey: publicKey, serverTime: now, limits: limits, units: try Self.units(db),
                             epoch: epoch, lastContact: previous, credentialExpiresAt: node.expiresAt, name: node.name,
                             policyDigest: digest, policy: policyDigest == digest ? nil : policy, queryCodeSecret: secret,
                             hubKey: try Self.info(db)?.publicKey)
        }
    }

    /// Stores a push from `caller` in one transaction, or refuses it whole (nothing stored).
    ///
    /// The hub registers the node's public key at its first push, checks the batch with
    /// `PushValidator` (scope: the tickets the unit is or was assigned to, or created; for a 1.4 push, the
    /// stamps against the origin's head, its clock floor and the tickets' events, ``StampRules``), answers a
    /// replay with `duplicates` (refusing an event it holds with other content:
    /// `conflicting_event`), stores the new events under the next commit sequences and updates the
    /// node's health; with `.immediate` it also folds them (and any events waiting) into the
    /// projections, feeds and conflict queue before answering. Any storage failure is
    /// `storage_failure`, with nothing stored.
    ///
    /// - Parameters:
    ///   - prepared: `ChainedEvent.all(request.events)`, when the caller computed the events'
    ///     bytes and hashes before (the HTTP server does, on all cores, outside the store's writer).
    ///   - projection: `.deferred` acknowledges the push once its events are stored; the projections
    ///     follow with ``projectPending(limit:now:)``, and the answer carries the conflicts raised
    ///     so far by the node's earlier events instead of this push's.
    public func ingest(_ request: PushRequest, prepared: [ChainedEvent]? = nil, from caller: RegisteredNode,
                       now: Date, projection: ProjectionTiming = .immediate) throws(SyncError) -> PushResponse {
        do {
            return try syncWrite { db in
                try self.ingest(db, request, prepared: prepared, callerCode: caller.code, now: now, projection: projection)
            }
        } catch {
            if error.code != .storage { recordRefusal(error, node: caller.code, at: now) }
            throw error
        }
    }

    private func ingest(_ db: Database, _ request: PushRequest, prepared: [ChainedEvent]?, callerCode: String,
                        now: Date, projection: ProjectionTiming) throws -> PushResponse {
        guard let node = try Self.registeredNode(db, code: callerCode) else {
            throw SyncError(.unauthorized, "node \(callerCode) is not registered at this hub; ask the hub operator for a credential")
        }
        try ProtocolVersion.current.checkCompatible(withPeer: request.protocol)
        try node.checkUsable(at: now)
        if request.node == node.code, let offered = request.publicKey, let registered = node.publicKey, offered != registered {
            throw SyncError(.keyMismatch, "the push offers a public key different from the one registered for \(node.code) at its first push; the node's replica was replaced or its key changed — ask the hub operator to run `gongdan hub node rekey \(node.code)`, then rebuild the replica with `gongdan init --recover` (or restore a backup that holds the old key)")
        }
        let head = try Self.originHead(db, node.code)
        let scope = try scopeFolded(db, unit: node.unit, of: Set(request.events.map(\.ticket)), now: now)
        var validator = PushValidator(caller: node, hubHas: head.seq, hubHeadHash: head.hash, now: now, limits: limits)
        if request.protocol >= StampRules.since, request.events.contains(where: { $0.id.seq > head.seq }) {
            validator.hubHeadHLC = try Self.stamp(db, origin: node.code, seq: head.seq)
            validator.clockFloor = try Self.clockFloor(db, node: node.code)
            validator.ticketStamps = try Self.ticketStamps(db, tickets: Set(request.events.map(\.ticket)))
        }
        let fresh = try validator.validateChain(request, prepared: prepared, inScope: { scope.contains($0) })
        // The events are stored as sent (sealed); the judge and every fold read them opened.
        let sealed = try PushValidator.openSeals(fresh.map(\.event), openings: request.openings ?? [])
        try judge(db, sealed.events, requireSeals: request.protocol >= ProtocolVersion.sealedContacts)
        let tickets = Dictionary(fresh.map { ($0.event.id, $0.event.ticket) }, uniquingKeysWith: { a, _ in a })
        try SealedOpenings.store(db, sealed.openings) { tickets[$0.event]! }

        // A replay must match what the hub holds byte for byte; anything else is a forked history.
        let stored = try db.cachedStatement(sql: "SELECT body FROM events WHERE origin = ? AND seq = ?")
        for event in request.events where event.id.seq <= head.seq {
            let body = try String.fetchOne(stored, arguments: [event.id.origin, event.id.seq])
            guard body == event.canonicalJSONString() else {
                throw SyncError(.conflictingEvent, "event \(event.id) differs from the one the hub holds under the same id: the node's history was forked or altered — run `gongdan check` on the node and tell the hub operator")
            }
        }

        let notices: [ConflictNotice]
        switch projection {
        case .immediate:
            notices = try commit(db, fresh, now: now)
        case .deferred:
            if !fresh.isEmpty { unfolded.remember(fresh, commits: try store(db, fresh)) }
            notices = try Self.takeConflictMail(db, for: node.code)
        }
        if !fresh.isEmpty, let signed = request.head {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO heads (origin, seq, hash, signature) VALUES (?, ?, ?, ?)")
                .execute(arguments: [signed.origin, signed.seq, signed.hash, signed.signature])
        }
        // A key offered with the first events after registration (or after `hub node rekey`)
        // becomes the node's key, kept in its history from the first seq it signs.
        if node.publicKey == nil, let offered = request.publicKey, let first = fresh.first {
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO node_keys (node, first_seq, public_key, registered_at) VALUES (?, ?, ?, ?)
                """).execute(arguments: [node.code, first.event.id.seq, offered, now.millis])
        }
        // The node's last local seq at this contact: the batch's last seq plus what it still holds unsent.
        let reportedSeq = request.events.last.map { $0.id.seq + Int64(max(0, request.backlog)) }
        try db.cachedStatement(sql: """
            UPDATE nodes SET last_seen = ?, backlog = ?, software = ?, protocol = ?, last_error = NULL,
                public_key = coalesce(public_key, ?),
                reported_seq = coalesce(?, reported_seq), reported_at = CASE WHEN ? IS NULL THEN reported_at ELSE ? END
                WHERE code = ?
            """).execute(arguments: [now.millis, request.backlog, request.software, request.protocol.description,
                                     fresh.isEmpty ? nil : request.publicKey, reportedSeq, reportedSeq, now.millis, node.code])
        let hubHas = try Self.originHead(db, node.code).seq
        if !fresh.isEmpty { try Self.pruneClockFloors(db, node: node.code, hubHas: hubHas) }
        return PushResponse(accepted: fresh.count, duplicates: request.events.count - fresh.count, hubHas: hubHas,
                            conflicts: notices)
    }

    /// Re-decides the fresh events of a push, ticket by ticket, against the events the hub holds
    /// (``EventJudge``): an event its author was not allowed to make refuses the whole push.
    private func judge(_ db: Database, _ fresh: [TicketEvent], requireSeals: Bool) throws {
        guard judging == .on, !fresh.isEmpty else { return }
        var byTicket: [String: [TicketEvent]] = [:]
        var order: [String] = []
        for event in fresh {
            if byTicket[event.ticket] == nil { order.append(event.ticket) }
            byTicket[event.ticket, default: []].append(event)
        }
        let judge = EventJudge(policy: try Self.districtPolicy(db), requireSeals: requireSeals)
        for ticket in order {
            try judge.judge(ticket: ticket, held: try ReplicaStore.events(db, ticket: ticket), fresh: byTicket[ticket]!)
        }
    }

    /// Keeps the refusal on the node's health line (best effort, its own transaction).
    private func recordRefusal(_ error: SyncError, node: String, at now: Date) {
        try? db.write { db in
            try db.execute(sql: "UPDATE nodes SET last_error = ?, last_seen = ? WHERE code = ?",
                           arguments: [error.description, now.millis, node])
        }
    }

    /// The highest contiguous seq of `origin` held and its hash.
    static func originHead(_ db: Database, _ origin: String) throws -> (seq: Int64, hash: String?) {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT has_seq, head_hash FROM origins WHERE origin = ?"),
                                         arguments: [origin]) else {
            return (0, nil)
        }
        return (row["has_seq"], row["head_hash"])
    }

    /// Which of `tickets` are in the unit's scope, as the projections say once every stored event
    /// is folded: when some are not in scope and events wait to be folded (a deferred push, perhaps
    /// the unit's own, may have brought them into it), those events are folded first.
    private func scopeFolded(_ db: Database, unit: String?, of tickets: Set<String>, now: Date) throws -> Set<String> {
        let scope = try Self.ticketsInScope(db, unit: unit, of: tickets)
        guard scope.count < tickets.count, try Self.projectionBacklog(db) > 0 else { return scope }
        try projectAll(db, now: now)
        return try Self.ticketsInScope(db, unit: unit, of: tickets)
    }

    /// Which of `tickets` are in the unit's scope (it is or was assigned to them, or created them).
    /// Everything is in a workstation's scope.
    static func ticketsInScope(_ db: Database, unit: String?, of tickets: Set<String>) throws -> Set<String> {
        guard let unit else { return tickets }
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM ticket_units WHERE unit = ? AND ticket = ?")
        return try Set(tickets.filter { ticket in try Bool.fetchOne(statement, arguments: [unit, ticket]) == true })
    }
}
