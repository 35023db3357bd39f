import GRDB

extension ReplicaStore {
    /// Every schema change is a migration here, applied in order on open.
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: events, projections, node, units, calendars") { db in
            try db.execute(sql: """
                CREATE TABLE node (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    code TEXT NOT NULL,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    last_seq INTEGER NOT NULL,   -- this node's last event seq (gapless)
                    hlc INTEGER NOT NULL         -- last hybrid clock reading, packed
                );
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
                CREATE TABLE ticket_counters (       -- this node's ticket numbers per year
                    year INTEGER PRIMARY KEY,
                    last INTEGER NOT NULL
                );
                CREATE TABLE units (
                    code TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE TABLE calendar_years (
                    year INTEGER PRIMARY KEY,
                    schedule TEXT NOT NULL
                );
                """)
        }
        return migrator
    }

    static func migrate(_ db: DatabaseQueue, path: String) throws {
        let migrator = migrator()
        if try db.read({ try migrator.hasBeenSuperseded($0) }) {
            throw StoreError.newerSchema(path: path)
        }
        try migrator.migrate(db)
    }
}
