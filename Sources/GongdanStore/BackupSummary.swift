import Foundation

/// What a Gongdan backup file holds, as `gongdan backup`, `gongdan hub backup` and the restores
/// print it (`--json`: these field names).
public struct BackupSummary: Hashable, Sendable, Codable {
    /// Which kind of database a file is.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A node's replica (`gongdan init`).
        case replica
        /// A district hub (`gongdan hub init`).
        case hub
    }

    /// The file the summary describes.
    public var file: String
    public var kind: Kind
    /// The node's code (a replica), nil for a hub.
    public var node: String?
    /// The district's name (a hub), nil for a replica.
    public var district: String?
    /// Events stored, every origin's.
    public var events: Int
    /// A replica: its own last seq. A hub: the last seq of its own `HUB` origin.
    public var lastSeq: Int64
    /// The last commit sequence (a hub's arrival order; a replica's local row order).
    public var lastCommit: Int64
    /// The last schema migration the file has (e.g. `v5: restore and recovery state`).
    public var schema: String
    /// The file's size in bytes.
    public var bytes: Int64
    /// `PRAGMA integrity_check`'s answer: always `ok` for a file Gongdan accepts.
    public var integrity: String

    public init(file: String, kind: Kind, node: String?, district: String?, events: Int, lastSeq: Int64,
                lastCommit: Int64, schema: String, bytes: Int64, integrity: String) {
        self.file = file
        self.kind = kind
        self.node = node
        self.district = district
        self.events = events
        self.lastSeq = lastSeq
        self.lastCommit = lastCommit
        self.schema = schema
        self.bytes = bytes
        self.integrity = integrity
    }
}
