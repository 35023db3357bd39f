/// Why a replica must sync with the hub before it records new events: it may be behind the hub on
/// its own events, and a new event would reuse a seq the hub already holds (`conflicting_event`).
public enum ResyncReason: String, Hashable, Sendable, Codable {
    /// Restored from a backup (`gongdan restore`): events made after the backup may be at the hub.
    case restored
    /// Re-initialised from the hub (`gongdan init --recover`) and not yet fully pulled.
    case recovered
}
