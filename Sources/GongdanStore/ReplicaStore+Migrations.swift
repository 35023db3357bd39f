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
                """ + EventTables.sql + """
                CREATE TABLE ticket_counters (       -- this node's ticket numbers per year
                    year INTEGER PRIMARY KEY,
                    last INTEGER NOT NULL
                );
                CREATE TABLE calendar_years (
                    year INTEGER PRIMARY KEY,
                    schedule TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: hash chain, signing key, sync state") { db in
            try db.execute(sql: """
                ALTER TABLE events ADD COLUMN hash TEXT;          -- hex SHA-256 of body (own events at least)
                ALTER TABLE node ADD COLUMN last_hash TEXT;       -- hash of this node's last event
                ALTER TABLE node ADD COLUMN signing_key TEXT;     -- Ed25519 private key, base64
                CREATE TABLE sync_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    hub_url TEXT,
                    token TEXT,
                    cursor INTEGER NOT NULL DEFAULT 0,        -- position in this node's feed at the hub
                    hub_has INTEGER NOT NULL DEFAULT 0,       -- highest own seq the hub acknowledged
                    last_success INTEGER,
                    last_attempt INTEGER,
                    last_error TEXT,
                    offline_since INTEGER
                );
                INSERT INTO sync_state (id) VALUES (1);
                """)
            // Replicas made before v2 chain their existing own events now, in seq order.
            try chainExistingOwnEvents(db)
        }
        migrator.registerMigration("v3: unsigned-by-limit index") { db in
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS tickets_unsigned_by_sign_by ON tickets (sign_by) WHERE status = 'pendingSign'")
        }
        migrator.registerMigration("v4: supervision notices received from the hub") { db in
            try db.execute(sql: """
                CREATE TABLE notices (
                    id TEXT PRIMARY KEY,          -- NOTICE-2026-0012
                    issued_at INTEGER NOT NULL,
                    finish_by TEXT NOT NULL,      -- YYYY-MM-DD, China Standard Time
                    body TEXT NOT NULL            -- the SyncedNotice as the hub sent it (JSON)
                );
                CREATE INDEX notices_by_issue ON notices (issued_at);
                """)
        }
        migrator.registerMigration("v5: restore and recovery state") { db in
            // A replica restored from a backup, or re-initialised from the hub, may be behind the hub
            // on its own events: it must sync before it makes new ones (or its next seq would clash).
            try db.execute(sql: """
                ALTER TABLE sync_state ADD COLUMN resync_reason TEXT;   -- restored | recovered: sync before recording events
                ALTER TABLE sync_state ADD COLUMN recovery TEXT;        -- the hub's account of lost events at init --recover (JSON)
                ALTER TABLE sync_state ADD COLUMN hub_epoch TEXT;       -- the hub's epoch; a new one (a restored hub) restarts the pull at 0
                """)
        }
        migrator.registerMigration("v6: district policy from the hub") { db in
            // The hub's copy of the district policy, kept apart from the years loaded here: the hub's
            // wins for a year both have, and a disagreement is reported (docs/policy.md).
            try db.execute(sql: """
                CREATE TABLE hub_calendar_years (
                    year INTEGER PRIMARY KEY,
                    schedule TEXT NOT NULL                -- the HolidaySchedule as the hub sent it (JSON)
                );
                CREATE TABLE hub_policy_versions (
                    effective_from INTEGER PRIMARY KEY,   -- ms; the limits apply to events stamped at or after it
                    signing_days INTEGER NOT NULL,
                    intake_days INTEGER NOT NULL,
                    max_extension_days INTEGER NOT NULL
                );
                ALTER TABLE sync_state ADD COLUMN policy_digest TEXT;   -- the digest of the hub's policy held here
                ALTER TABLE sync_state ADD COLUMN policy_as_of INTEGER; -- the hub's time when it sent it (an older reply bundle does not undo it)
                """)
        }
        migrator.registerMigration("v7: query-code secret") { db in
            // Query codes are derived from the ticket code and the district's secret (protocol 1.4),
            // which the hub hands to workstation nodes only: a unit's replica keeps this NULL.
            try db.execute(sql: """
                ALTER TABLE sync_state ADD COLUMN query_code_secret TEXT;  -- base64; workstation nodes only
                """)
        }
        migrator.registerMigration("v8: sealed contact details") { db in
            // Contact details travel sealed (protocol 1.5, docs/privacy.md): this replica holds the
            // values it may read, and those of its own events, beside their events.
            try db.execute(sql: SealedOpenings.sql)
        }
        migrator.registerMigration("v9: the hub's pinned CA certificate") { db in
            // Over HTTPS the node trusts only this CA for the hub (`init --hub-ca`, `remote set --hub-ca`,
            // docs/security.md); NULL: the system's trust roots.
            try db.execute(sql: """
                ALTER TABLE sync_state ADD COLUMN hub_ca TEXT;  -- PEM
                """)
        }
        migrator.registerMigration("v10: the hub's pinned signing key") { db in
            // The node accepts only answers and reply bundles signed by this key (protocol 1.6,
            // docs/security.md); NULL until the first contact pins it, or `--hub-key` gives it.
            try db.execute(sql: """
                ALTER TABLE sync_state ADD COLUMN hub_key TEXT;  -- Ed25519 public key, base64
                """)
        }
        migrator.registerMigration("v11: folded states of long tickets, work-queue indexes") { db in
            // An append folds from the stored state instead of the whole history (FoldedStates); kept in
            // step with the projection row by every fold, checked against a full fold by `gongdan check`.
            try db.execute(sql: FoldedStates.sql)
            // The desk's to-do lists (WorkQueue) read these in order and stop at their limit.
            try db.execute(sql: WorkQueue.indexes)
        }
        return migrator
    }
}
