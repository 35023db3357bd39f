/// The tables every Gongdan database holds, the node's replica and the hub alike: the event log,
/// the ticket projections, the units each ticket involves, and the unit directory. One text, so
/// `ReplicaStore.writeProjection` and the event queries work on both.
enum EventTables {
    /// The `CREATE` statements (part of the replica's migration "v1" and of the hub's first migration).
    static let sql = """
        CREATE TABLE events (
            local_id INTEGER PRIMARY KEY,  -- arrival order in this replica
            origin TEXT NOT NULL,
            seq INTEGER NOT NULL,
            ticket TEXT NOT NULL,
            type TEXT NOT NULL,
            hlc INTEGER NOT NULL,
            body TEXT NOT NULL,            -- the whole event as JSON (the wire form)
            UNIQUE (origin, seq)
        );
        CREATE INDEX events_by_ticket ON events (ticket, hlc);
        CREATE TABLE tickets (
            code TEXT PRIMARY KEY,
            query_code TEXT NOT NULL,
            category TEXT NOT NULL,
            source TEXT NOT NULL,
            status TEXT NOT NULL,
            entity_name TEXT NOT NULL,
            credit_code TEXT,
            summary TEXT NOT NULL,
            lead TEXT,
            co_units TEXT NOT NULL DEFAULT '',
            created_by_node TEXT NOT NULL,
            created_by_unit TEXT,
            hotline_order TEXT,
            created_at INTEGER NOT NULL,
            intake_deadline INTEGER,
            dispatched_at INTEGER,
            sign_by INTEGER,
            signed_at INTEGER,
            deadline INTEGER,
            replied_at INTEGER,
            accepted_at INTEGER,
            closed_at INTEGER,
            round INTEGER NOT NULL,
            escalated INTEGER NOT NULL,
            returns INTEGER NOT NULL,
            rejected_replies INTEGER NOT NULL,
            unsatisfied INTEGER NOT NULL,
            pending_extension_days INTEGER,
            last_satisfaction TEXT,
            event_count INTEGER NOT NULL,
            last_event_at INTEGER NOT NULL,
            clock TEXT NOT NULL
        );
        CREATE INDEX tickets_open_by_deadline ON tickets (deadline) WHERE status IN ('pendingSign', 'handling');
        CREATE INDEX tickets_by_status ON tickets (status, created_at);
        CREATE INDEX tickets_by_lead ON tickets (lead, status);
        CREATE INDEX tickets_by_hotline_order ON tickets (hotline_order) WHERE hotline_order IS NOT NULL;
        CREATE TABLE ticket_units (          -- every unit a ticket was ever assigned to (scope)
            ticket TEXT NOT NULL,
            unit TEXT NOT NULL,
            PRIMARY KEY (unit, ticket)
        ) WITHOUT ROWID;
        CREATE TABLE units (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        );
        """
}
