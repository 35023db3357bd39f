/// Why the replica could not do what was asked. Each case says what to do about it.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The replica has not been initialised.
    case notInitialized(path: String)
    /// `gongdan init` ran on a replica that already has an identity.
    case alreadyInitialized(path: String, node: String)
    /// The replica was written by a newer gongdan.
    case newerSchema(path: String)
    /// A stored event could not be read back.
    case corruptEvent(origin: String, seq: Int64, reason: String)
    /// The replica was restored or re-initialised and may be behind the hub on its own events: it
    /// records nothing until `gongdan sync` has brought them back.
    case syncRequired(path: String, reason: ResyncReason)
    /// The disk (or SQLite's page limit) is full: the write was rolled back whole.
    case storageFull(path: String)
    /// A node command was pointed at the hub's database (or a hub command at a node's replica).
    case wrongDatabase(path: String, isHub: Bool)
    /// The database file could not be opened or read (permissions, a missing folder, not SQLite).
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case .notInitialized(let path):
            "the replica at \(path) is not initialised: run `gongdan init --role workstation|township|department --node CODE --name NAME` (or point --db / GONGDAN_DB at an existing replica)"
        case .alreadyInitialized(let path, let node):
            "the replica at \(path) already belongs to node \(node); use another --db path for a new node"
        case .newerSchema(let path):
            "the replica at \(path) was written by a newer gongdan: upgrade gongdan before opening it"
        case .corruptEvent(let origin, let seq, let reason):
            "event \(origin)#\(seq) in the replica cannot be read (\(reason)); run `gongdan check` and restore from the hub or a backup"
        case .syncRequired(let path, let reason):
            "the replica at \(path) was \(reason == .restored ? "restored from a backup" : "re-initialised from the hub") and may be behind the hub on this node's own events; nothing was recorded — run `gongdan sync` first (it fetches them back), then repeat the command"
        case .storageFull(let path):
            "the disk holding the replica at \(path) is full: nothing of this write was stored (a sync's cursor did not move); free some space and run the command again"
        case .wrongDatabase(let path, let isHub):
            isHub
                ? "\(path) is the hub's database, not a node's replica: use the `gongdan hub …` commands on it (e.g. `gongdan hub calendar load FILE --db \(path)`), or point --db / GONGDAN_DB at a replica"
                : "\(path) is a node's replica, not the hub's database: use the node commands on it, or point --db / GONGDAN_HUB_DB at the hub's database"
        case .cannotOpen(let path, let reason):
            "the database at \(path) cannot be opened (\(reason)); check the path and its permissions, or restore it from a backup"
        }
    }
}
