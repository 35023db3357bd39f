import Foundation
import GRDB
import GongdanCore
import GongdanSync

/// The district hub's database: the full replica of every node's events (the same `events`,
/// `tickets`, `ticket_units` and `units` tables as a node's ``ReplicaStore``), plus what only the
/// hub keeps: registered nodes and their credentials, each origin's chain head and signed heads,
/// every unit's feed, and the conflict queue.
///
/// Every write is one transaction (WAL, `synchronous=FULL`): a push is stored whole or not at
/// all. `events.local_id` is the hub's **commit sequence**, the workstation's feed position.
///
/// The hub is also an origin, `HUB`, with workstation authority: overrides from the conflict queue
/// are its events, chained and signed with its own key, and reach the nodes like any other.
///
/// ## Topics
/// - Set-up: ``init(path:limits:)``, ``initialize(district:at:)``, ``registerNode(code:role:name:at:)``
/// - Sync: ``authenticate(token:)``, ``syncState(for:now:)``, ``ingest(_:from:now:)``, ``pull(for:after:limit:)``
/// - Operator: ``nodes()``, ``conflicts(status:)``, ``resolveConflict(id:resolution:note:person:now:)``, ``verify()``
/// - District policy (`docs/policy.md`): ``loadCalendar(_:by:now:)``, ``setHandlingPolicy(_:by:now:)``,
///   ``districtPolicy()``, ``syncedPolicy()``
/// - The entity: ``queryCode(for:)`` (derived with the district's secret), ``publicProgress(ticket:queryCode:)``,
///   ``evaluatePublicly(ticket:queryCode:satisfaction:resolved:now:)``
public final class HubStore: Sendable {
    /// The origin code of the hub's own events.
    public static let origin = "HUB"

    /// The file path.
    public let path: String
    /// The bounds the hub enforces and announces.
    public let limits: SyncLimits
    let db: DatabaseQueue
    /// Events of deferred pushes waiting to be folded (``ProjectionTiming/deferred``).
    let unfolded = UnfoldedEvents()
    /// Whether pushes are re-decided by the rule table (see ``Judging``).
    public let judging: Judging

    /// Whether the hub re-decides every pushed event (`docs/rules.md`). Always `.on` in `gongdan hub serve`
    /// and every command; `.off` exists only so that `tools/bench` can measure what re-deciding costs.
    public enum Judging: Sendable {
        case on, off
    }

    /// Opens (creating if needed) and migrates the hub database at `path`, and folds any events
    /// a hub stopped before folding (a push is acknowledged once stored; see ``ProjectionTiming``).
    /// A file it may not write is opened as it is.
    public init(path: String, limits: SyncLimits = .default, judging: Judging = .on) throws {
        self.path = path
        self.limits = limits
        self.judging = judging
        db = try DurableDatabase.open(path: path, migrator: Self.migrator())
        try? catchUpProjections(now: Date())
    }

    // MARK: - The hub itself

    /// Makes this database a district's hub, once: records the district and makes the hub's
    /// Ed25519 signing key (the `HUB` origin's).
    @discardableResult
    public func initialize(district: String, at now: Date) throws -> Info {
        let name = district.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw HubStoreError.invalidInput("--district is empty: give the district's name, e.g. 港南区") }
        let key = NodeSigningKey()
        return try db.write { db in
            if let existing = try Self.info(db) { throw HubStoreError.alreadyInitialized(path: path, district: existing.district) }
            try db.execute(sql: """
                INSERT INTO hub (id, district, created_at, signing_key, last_seq, last_hash, hlc) VALUES (1, ?, ?, ?, 0, NULL, 0)
                """, arguments: [name, now.millis, key.base64])
            return Info(district: name, createdAt: Date(millis: now.millis), publicKey: key.publicKey, lastSeq: 0)
        }
    }

    /// The hub's district and key, or nil before ``initialize(district:at:)``.
    public func info() throws -> Info? {
        try db.read { db in try Self.info(db) }
    }

    /// The hub's district and key; throws `notInitialized` before `gongdan hub init`.
    public func requireInfo() throws -> Info {
        guard let info = try info() else { throw HubStoreError.notInitialized(path: path) }
        return info
    }

    /// The hub's own Ed25519 key (the `HUB` origin's), which signs its events' heads, its answers to
    /// nodes and its reply bundles; throws `notInitialized` before `gongdan hub init`.
    public func signingKey() throws -> NodeSigningKey {
        try db.read { db in try answerKey(db) }
    }

    func answerKey(_ db: Database) throws -> NodeSigningKey {
        guard let key = try String.fetchOne(db, sql: "SELECT signing_key FROM hub WHERE id = 1") else {
            throw HubStoreError.notInitialized(path: path)
        }
        return try NodeSigningKey(base64: key)
    }

    static func info(_ db: Database) throws -> Info? {
        guard let row = try Row.fetchOne(db, sql: "SELECT district, created_at, signing_key, last_seq FROM hub WHERE id = 1") else {
            return nil
        }
        let key = try NodeSigningKey(base64: row["signing_key"])
        return Info(district: row["district"], createdAt: Date(millis: row["created_at"]), publicKey: key.publicKey,
                    lastSeq: row["last_seq"])
    }

    // MARK: - Unit directory

    /// Adds a unit to the district directory or updates its name and kind; nodes receive the
    /// directory with every state and pull.
    public func upsertUnit(_ unit: HandlingUnit, at now: Date) throws {
        try db.write { db in try Self.upsertUnit(db, unit, at: now) }
    }

    static func upsertUnit(_ db: Database, _ unit: HandlingUnit, at now: Date) throws {
        try db.execute(sql: """
            INSERT INTO units (code, name, kind, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind, updated_at = excluded.updated_at
            """, arguments: [unit.code, unit.name, unit.kind.rawValue, now.millis])
    }

    /// The directory, townships first, by code.
    public func units() throws -> [HandlingUnit] {
        try db.read { db in try Self.units(db) }
    }

    static func units(_ db: Database) throws -> [HandlingUnit] {
        try Row.fetchAll(db, sql: "SELECT code, name, kind FROM units ORDER BY kind DESC, code").compactMap { row in
            UnitKind(rawValue: row["kind"]).map { HandlingUnit(code: row["code"], name: row["name"], kind: $0) }
        }
    }

    // MARK: - Errors of the sync path

    /// Runs a write transaction; any error but a `SyncError` becomes `storage_failure` (the
    /// transaction was rolled back, so nothing was stored).
    func syncWrite<T>(_ updates: (Database) throws -> T) throws(SyncError) -> T {
        do {
            return try db.write(updates)
        } catch let error as SyncError {
            throw error
        } catch {
            throw SyncError(.storage, "the hub could not store the change set (\(error)); nothing was stored — retry later, and tell the hub operator if it persists")
        }
    }

    /// Runs a read; any error but a `SyncError` becomes `storage_failure`.
    func syncRead<T>(_ value: (Database) throws -> T) throws(SyncError) -> T {
        do {
            return try db.read(value)
        } catch let error as SyncError {
            throw error
        } catch {
            throw SyncError(.storage, "the hub could not read its store (\(error)); retry later, and tell the hub operator if it persists")
        }
    }
}
