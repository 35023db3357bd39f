import GongdanSync

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
    /// Who the restored database lets in: the hub's registered nodes (a replica: its own identity),
    /// with their keys, so an operator sees an intruder the backup brings.
    public var nodes: [RestoredNode]
    /// The hub's dashboard viewers (none for a replica).
    public var viewers: [String]

    public init(backup: BackupSummary, database: String, replaced: String?, schema: String,
                nodes: [RestoredNode] = [], viewers: [String] = []) {
        self.backup = backup
        self.database = database
        self.replaced = replaced
        self.schema = schema
        self.nodes = nodes
        self.viewers = viewers
    }
}

/// A node a restored database knows, and the key it signs with.
public struct RestoredNode: Hashable, Sendable, Codable {
    public var code: String
    public var role: String
    public var name: String
    public var revoked: Bool
    /// The first 16 hex digits of SHA-256 of its public key (nil before its first push).
    public var keyFingerprint: String?

    public init(code: String, role: String, name: String, revoked: Bool, keyFingerprint: String?) {
        self.code = code
        self.role = role
        self.name = name
        self.revoked = revoked
        self.keyFingerprint = keyFingerprint
    }

    /// The fingerprint of a base64 public key.
    static func fingerprint(_ key: String?) -> String? {
        key.map(NodeSigningKey.fingerprint(ofPublicKey:))
    }
}
