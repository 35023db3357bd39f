/// The hub's tables for supervision and scoring (migration "hub v5"): one `ticket_facts` row per
/// ticket and one `handling_rounds` row per handling round — ``TicketFacts`` flattened — indexed on
/// what a period or an as-of query filters by; the issued `notices`; and `hub_settings`.
///
/// A ticket's dates all lie between its `created_at` and its `active_until`, so the tickets with a date
/// in a window are among those whose span overlaps it: one index range (`ticket_facts_active`) instead
/// of one per date column. Rounds late and unsettled at a period's end are found by `rounds_late` (since
/// "hub v8", `rounds_late_by_settled`, which also covers what scoring reads of them).
///
/// Instants are milliseconds since 1970 (as in the replica's tables); a calendar date is `YYYY-MM-DD`.
enum FactsTables {
    /// The `CREATE` statements.
    static let sql = """
        CREATE TABLE ticket_facts (
            id INTEGER PRIMARY KEY,          -- handling_rounds.ticket_id
            code TEXT NOT NULL UNIQUE,
            category TEXT NOT NULL,
            source TEXT NOT NULL,
            entity_name TEXT NOT NULL,
            credit_code TEXT,
            summary TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            created_by_unit TEXT,
            hotline_received_at INTEGER,
            intake_deadline INTEGER,
            status TEXT NOT NULL,
            lead TEXT,
            deadline INTEGER,
            closed_at INTEGER,
            closure TEXT,                    -- satisfied | unreachable | unreasonable | byOffice
            closure_reason TEXT,             -- byOffice's reason
            merged_into TEXT,
            last_event_at INTEGER NOT NULL,  -- the latest event's time: facts as of any later instant are these
            active_until INTEGER NOT NULL,   -- the latest of created_at and every date of every round
            unsatisfied INTEGER NOT NULL,    -- rounds evaluated unsatisfied
            max_rejected INTEGER NOT NULL    -- the most replies of one unit rejected as non-standard
        );
        CREATE INDEX ticket_facts_by_created ON ticket_facts (created_at);
        CREATE INDEX ticket_facts_active ON ticket_facts (active_until, created_at);
        CREATE INDEX ticket_facts_by_last_event ON ticket_facts (last_event_at);
        CREATE INDEX ticket_facts_open_by_deadline ON ticket_facts (deadline) WHERE status IN ('pendingSign', 'handling');
        CREATE INDEX ticket_facts_unsatisfied ON ticket_facts (unsatisfied) WHERE unsatisfied > 0;
        CREATE INDEX ticket_facts_rejected ON ticket_facts (max_rejected) WHERE max_rejected > 0;
        CREATE TABLE handling_rounds (
            ticket_id INTEGER NOT NULL,
            position INTEGER NOT NULL,       -- 0 for the first round
            kind TEXT NOT NULL,
            unit TEXT NOT NULL,
            co_units TEXT NOT NULL,          -- comma-separated
            started_at INTEGER NOT NULL,
            sign_by INTEGER,
            deadline INTEGER,
            extension_days INTEGER NOT NULL,
            signed_at INTEGER,
            returned_at INTEGER,
            ended_at INTEGER,
            replied_at INTEGER,
            rejected_replies INTEGER NOT NULL,
            accepted_at INTEGER,
            satisfaction TEXT,               -- the evaluation, when there is one
            resolved INTEGER,
            reasonable INTEGER,
            channel TEXT,
            note TEXT,
            evaluated_at INTEGER,
            settled_at INTEGER,              -- min(accepted_at, ended_at)
            late_from INTEGER,               -- deadline, when the round was still unsettled at it
            PRIMARY KEY (ticket_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX rounds_late ON handling_rounds (late_from) WHERE late_from IS NOT NULL;
        CREATE TABLE notices (
            id TEXT PRIMARY KEY,             -- NOTICE-2026-0012: stable, what nodes and URLs use
            district TEXT NOT NULL,          -- the short name in the number, e.g. 港南
            year INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            level TEXT NOT NULL,
            unit TEXT NOT NULL,
            trigger TEXT NOT NULL,
            key TEXT NOT NULL,               -- NoticeKey: trigger|unit|tickets
            tickets TEXT NOT NULL,           -- comma-separated, sorted
            findings TEXT NOT NULL,
            finish_by TEXT NOT NULL,         -- YYYY-MM-DD (China Standard Time)
            interview_reason TEXT,
            as_of INTEGER NOT NULL,
            issued_at INTEGER NOT NULL,
            issued_by TEXT NOT NULL,
            automatic INTEGER NOT NULL,
            UNIQUE (district, year, sequence)
        );
        CREATE INDEX notices_by_unit ON notices (unit, issued_at);
        CREATE INDEX notices_by_issued ON notices (issued_at);
        CREATE UNIQUE INDEX notices_by_key ON notices (key) WHERE trigger <> 'manualInterview';
        CREATE TABLE hub_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
}
