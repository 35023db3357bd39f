/// What a restore did: the backup it put in place, and where the database it replaced went.
public struct RestoreOutcome: Hashable, Sendable, Codable {
    /// The restored backup (after the restore's checks).
    public var backup: BackupSummary
    /// The database path restored to.
    public var database: String
    /// The previous database, kept as `PATH.replaced-YYYYMMDDTHHMMSS`; nil when there was none.
    public var replaced: String?
    /// The schema migration the restored database has after opening (migrated forward when older).
    public var schema: String

    public init(backup: BackupSummary, database: String, replaced: String?, schema: String) {
        self.backup = backup
        self.database = database
        self.replaced = replaced
        self.schema = schema
    }
}
