/// Why the hub's store could not do what the operator asked. Each case says what to do about it.
/// (Refusals of a node's request are `SyncError`s instead.)
public enum HubStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `gongdan hub init` has not run on this database.
    case notInitialized(path: String)
    /// `gongdan hub init` ran on a database that already is a hub.
    case alreadyInitialized(path: String, district: String)
    /// A node with this code is already registered.
    case nodeExists(code: String)
    /// No node with this code is registered.
    case unknownNode(code: String)
    /// No conflict with this id is in the queue.
    case unknownConflict(id: Int64)
    /// The conflict was already confirmed or overridden.
    case conflictClosed(id: Int64, status: String)
    /// A value the operator gave is not usable; the message says which and why.
    case invalidInput(String)
    /// No supervision notice has this id or number.
    case unknownNotice(String)
    /// No candidate of the supervision run has this key.
    case unknownCandidate(String)
    /// The supervision and scoring projection holds a value this version cannot read.
    case unreadableFacts(String)
    /// A `gongdan hub serve` (or a restore) holds the database's lock.
    case hubServing(path: String, holder: String)

    public var description: String {
        switch self {
        case .notInitialized(let path):
            "the hub database at \(path) is not initialised: run `gongdan hub init --db \(path) --district NAME` (or point --db / GONGDAN_HUB_DB at the hub's database)"
        case .alreadyInitialized(let path, let district):
            "the hub database at \(path) already serves \(district); use another --db path for a new hub"
        case .nodeExists(let code):
            "node \(code) is already registered; to issue it a new token, run `gongdan hub node rekey \(code)`"
        case .unknownNode(let code):
            "no node \(code) is registered at this hub; list them with `gongdan hub node list`"
        case .unknownConflict(let id):
            "no conflict #\(id) in the queue; list them with `gongdan hub conflicts --all`"
        case .conflictClosed(let id, let status):
            "conflict #\(id) is already \(status); to change the outcome, act on the ticket itself from the workstation"
        case .invalidInput(let message):
            "invalid input: \(message)"
        case .unknownNotice(let id):
            "no supervision notice \(id) at this hub; list them with `gongdan notice list` (give the id, e.g. NOTICE-2026-0012, or the number, e.g. 港南督〔2026〕12号)"
        case .unknownCandidate(let key):
            "no notice is due for candidate \(key) now (it was issued already, or the situation changed); list the current candidates with `gongdan hub supervise`"
        case .hubServing(let path, let holder):
            "the hub database at \(path) is in use by \(holder): stop that hub first (e.g. `systemctl stop gongdan-hub`), then run this again"
        case .unreadableFacts(let what):
            "the hub's supervision and scoring tables hold \(what): this database was written by a newer gongdan; upgrade gongdan"
        }
    }
}
