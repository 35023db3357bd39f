import GRDB
import GongdanSync

extension HubStore {
    /// The hub's migrations, applied in order on open. The event and projection tables are the
    /// replica's (``EventTables``), so the replica's projection and event queries run here too.
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("hub v1: events, projections, nodes, origins, heads, feed, conflicts") { db in
            try db.execute(sql: EventTables.sql)
            try db.execute(sql: """
                ALTER TABLE events ADD COLUMN hash TEXT;     -- hex SHA-256 of body; local_id is the commit sequence
                CREATE TABLE hub (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    district TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    signing_key TEXT NOT NULL,   -- the HUB origin's Ed25519 private key, base64
                    last_seq INTEGER NOT NULL,   -- the HUB origin's last event seq
                    last_hash TEXT,              -- hash of that event
                    hlc INTEGER NOT NULL         -- last hybrid clock reading issued or observed, packed
                );
                CREATE TABLE nodes (
                    code TEXT PRIMARY KEY,
                    role TEXT NOT NULL,
                    name TEXT NOT NULL,
                    token_hash TEXT NOT NULL UNIQUE,  -- hex SHA-256 of the bearer token
                    public_key TEXT,                  -- registered at the first push
                    revoked INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER NOT NULL,
                    last_seen INTEGER,
                    backlog INTEGER,
                    software TEXT,
                    last_error TEXT
                );
                CREATE TABLE origins (
                    origin TEXT PRIMARY KEY,
                    has_seq INTEGER NOT NULL,    -- highest contiguous seq held
                    head_hash TEXT               -- hash of that event
                );
                CREATE TABLE heads (
                    origin TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    hash TEXT NOT NULL,
                    signature TEXT NOT NULL,
                    PRIMARY KEY (origin, seq)
                );
                CREATE TABLE feed (
                    feed_id INTEGER PRIMARY KEY AUTOINCREMENT,   -- a unit's cursor is a feed_id
                    unit TEXT NOT NULL,
                    commit_seq INTEGER NOT NULL,                 -- events.local_id
                    UNIQUE (unit, commit_seq)
                );
                CREATE INDEX feed_by_unit ON feed (unit, feed_id);
                CREATE TABLE conflicts (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    key TEXT NOT NULL UNIQUE,
                    events TEXT NOT NULL,        -- JSON array of event ids, both sides
                    summary TEXT NOT NULL,
                    decision TEXT NOT NULL,
                    status TEXT NOT NULL,        -- open | confirmed | overridden
                    created_at INTEGER NOT NULL,
                    resolved_at INTEGER,
                    resolution TEXT
                );
                CREATE INDEX conflicts_by_status ON conflicts (status, id);
                """)
        }
        migrator.registerMigration("hub v2: hotline intake credential, the hub's own ticket counters") { db in
            try db.execute(sql: """
                CREATE TABLE intake_credential (     -- the 12345 hotline platform's bearer token (one at a time)
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    token_hash TEXT NOT NULL,        -- hex SHA-256 of the token; the token itself is never stored
                    issued_at INTEGER NOT NULL,
                    last_used INTEGER                -- the last accepted POST /intake
                );
                CREATE TABLE hub_ticket_counters (   -- the HUB origin's ticket numbers per year (HUB-YY-NNNN)
                    year INTEGER PRIMARY KEY,
                    last INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("hub v3: indexes for the duplicate-intake lookup") { db in
            try db.execute(sql: """
                CREATE INDEX tickets_by_entity ON tickets (entity_name, created_at);
                CREATE INDEX tickets_by_credit_code ON tickets (credit_code, created_at) WHERE credit_code IS NOT NULL;
                """)
        }
        migrator.registerMigration("hub v4: a ticket's units by ticket") { db in
            // ticket_units is keyed (unit, ticket): finding a ticket's units scanned the whole table,
            // twice per ticket a push touched.
            try db.execute(sql: "CREATE INDEX ticket_units_by_ticket ON ticket_units (ticket)")
        }
        migrator.registerMigration("hub v5: ticket facts, handling rounds, notices") { db in
            // The indexed projection supervision and scoring read (HubStore+Facts.swift), the issued
            // notices, and the operator's scoring settings. Existing tickets are folded once to fill it.
            try db.execute(sql: FactsTables.sql)
            try Self.backfillFacts(db)
        }
        migrator.registerMigration("hub v6: viewers and public lookups") { db in
            // Dashboard viewers log in with a password the hub keeps only as a salted PBKDF2 hash; a
            // session cookie's value is kept only as its SHA-256. The public progress page looks
            // tickets up by code (the primary key); the dashboard's unsigned list reads its own index.
            try db.execute(sql: """
                CREATE TABLE viewers (
                    name TEXT PRIMARY KEY,
                    salt TEXT NOT NULL,              -- hex, 16 random bytes
                    iterations INTEGER NOT NULL,     -- PBKDF2-HMAC-SHA256 rounds
                    password_hash TEXT NOT NULL,     -- hex, 32 bytes; the password itself is never stored
                    created_at INTEGER NOT NULL,
                    last_login INTEGER
                );
                CREATE TABLE viewer_sessions (
                    token_hash TEXT PRIMARY KEY,     -- hex SHA-256 of the cookie's value
                    viewer TEXT NOT NULL REFERENCES viewers (name) ON DELETE CASCADE,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL
                );
                CREATE INDEX viewer_sessions_by_expiry ON viewer_sessions (expires_at);
                CREATE INDEX IF NOT EXISTS hub_tickets_unsigned_by_sign_by ON tickets (sign_by) WHERE status = 'pendingSign';
                """)
        }
        migrator.registerMigration("hub v7: credential expiry, node versions, last reported seq, key history") { db in
            // A node's credential may expire; the hub records the protocol and software each node
            // speaks and the last local seq it reported (so a node whose disk was lost can be told
            // which of its events never arrived); every public key a node signed with is kept with
            // the first seq it signs, so old heads still verify after `hub node rekey`.
            try db.execute(sql: """
                ALTER TABLE nodes ADD COLUMN expires_at INTEGER;      -- the credential is refused from then on (NULL: never)
                ALTER TABLE nodes ADD COLUMN protocol TEXT;           -- Gongdan-Protocol of its last request
                ALTER TABLE nodes ADD COLUMN reported_seq INTEGER;    -- its last local seq, as it reported at its last push
                ALTER TABLE nodes ADD COLUMN reported_at INTEGER;
                ALTER TABLE nodes ADD COLUMN rekeyed_at INTEGER;      -- the last `hub node rekey`
                ALTER TABLE hub ADD COLUMN epoch TEXT;                -- new at each `hub restore`: nodes re-pull their feed from 0
                CREATE TABLE node_keys (
                    node TEXT NOT NULL,
                    first_seq INTEGER NOT NULL,   -- the key signs heads from this seq on (until the next key's)
                    public_key TEXT NOT NULL,
                    registered_at INTEGER NOT NULL,
                    PRIMARY KEY (node, first_seq)
                );
                INSERT INTO node_keys (node, first_seq, public_key, registered_at)
                    SELECT code, 1, public_key, coalesce(last_seen, created_at) FROM nodes WHERE public_key IS NOT NULL;
                """)
        }
        migrator.registerMigration("hub v8: daily scoring sums, late rounds by when they settled") { db in
            // A period's rounds overdue and open at its end are those late rounds not settled by then:
            // few, found by settled_at (NULL or later), and counted from the index alone.
            try db.execute(sql: ScoringDaysTable.sql)
            try db.execute(sql: """
                DROP INDEX rounds_late;
                CREATE INDEX rounds_late_by_settled ON handling_rounds (settled_at, late_from, started_at, unit, deadline,
                    accepted_at, ended_at) WHERE late_from IS NOT NULL;
                """)
            try Self.rebuildScoringDays(db)
        }
        migrator.registerMigration("hub v9: projections folded after the push is stored, conflicts addressed to nodes") { db in
            // Every event stored so far was folded in its push's transaction.
            try db.execute(sql: """
                ALTER TABLE hub ADD COLUMN projected_through INTEGER NOT NULL DEFAULT 0;  -- last local_id folded
                UPDATE hub SET projected_through = (SELECT coalesce(max(local_id), 0) FROM events);
                CREATE TABLE conflict_mail (          -- conflicts a node's events raised that it was not yet told of
                    node TEXT NOT NULL,
                    conflict INTEGER NOT NULL REFERENCES conflicts (id),
                    PRIMARY KEY (node, conflict)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("hub v10: district policy") { db in
            // What the hub sets for the whole district and sends to every node (docs/policy.md).
            try db.execute(sql: """
                CREATE TABLE policy_calendar_years (     -- holiday schedules loaded at the hub (`gongdan hub calendar load`)
                    year INTEGER PRIMARY KEY,
                    schedule TEXT NOT NULL,             -- the HolidaySchedule (JSON)
                    loaded_at INTEGER NOT NULL,
                    loaded_by TEXT NOT NULL
                );
                CREATE TABLE policy_versions (          -- handling limits, each in force from an instant (`gongdan hub config`)
                    effective_from INTEGER PRIMARY KEY, -- ms at a whole second; applies to events stamped at or after it
                    signing_days INTEGER NOT NULL,
                    intake_days INTEGER NOT NULL,
                    max_extension_days INTEGER NOT NULL,
                    set_by TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("hub v11: clock floors") { db in
            // An origin's clock only moves forward (StampRules): the hub keeps the clock it answered each
            // node at its last state request, and, once the node's pull proves it read that answer, the
            // floor of the stamps of the events the node makes after its last seq then.
            try db.execute(sql: """
                ALTER TABLE nodes ADD COLUMN answered_hlc INTEGER;   -- the hub's clock in its last state answer, packed
                CREATE TABLE clock_floors (
                    node TEXT NOT NULL,
                    after_seq INTEGER NOT NULL,   -- the node's last local seq when it had read the clock
                    hlc INTEGER NOT NULL,         -- events after after_seq are stamped at or above this, packed
                    PRIMARY KEY (node, after_seq)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("hub v12: query-code secret") { db in
            // Query codes are derived from the ticket code with this district secret (protocol 1.4):
            // the hub and the workstation (which gets it in its sync state) derive them; units never
            // see it. Made once here; a backup and its restore keep it, so codes stay valid.
            try db.execute(sql: """
                CREATE TABLE query_code_secret (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    secret BLOB NOT NULL              -- 32 random bytes, the HMAC-SHA256 key
                );
                """)
            try db.execute(sql: "INSERT INTO query_code_secret (id, secret) VALUES (1, ?)",
                           arguments: [QueryCodeSecret.generate().bytes])
        }
        migrator.registerMigration("hub v13: sealed contact details") { db in
            // Contact details travel sealed (protocol 1.5, docs/privacy.md): the hub holds every value
            // beside its event and hands each only to the nodes that may read it.
            try db.execute(sql: SealedOpenings.sql)
        }
        return migrator
    }
}
