import Foundation
import GongdanCore
import GongdanStore
import GongdanSync

/// What one sync session did.
public struct SyncReport: Hashable, Sendable {
    /// Own events the hub newly accepted.
    public var pushed = 0
    /// Own events the hub already held (a batch re-sent after a cut connection).
    public var duplicates = 0
    /// Events newly applied from the hub.
    public var pulled = 0
    /// Pull pages fetched.
    public var pages = 0
    /// Conflicts the hub raised about this node's events.
    public var conflicts: [ConflictNotice] = []
    /// The hub's acknowledged seq and the node's feed cursor afterwards.
    public var hubHas: Int64 = 0
    public var cursor: Int64 = 0
    /// How far the node's clock is from the hub's (node − hub), in seconds.
    public var clockOffset: TimeInterval = 0
    /// This node's own events that came back from the hub (after a restore or a recovery).
    public var ownEventsRecovered: Int64 = 0
    /// Whether the pull started again from cursor 0 because the hub was restored (a new epoch).
    public var feedRestarted = false
    /// When this node's credential expires, as the hub said (1.2); nil when it never does.
    public var credentialExpiresAt: Date?
    /// Whether the hub sent a district policy other than the one held here (1.4) and this node took it.
    public var policyUpdated = false
    /// Tickets folded again because the policy changed.
    public var ticketsRefolded = 0
    /// Years loaded on this node that the hub loaded with other days: the hub's schedules are used.
    public var calendarDisagreements: [CalendarDisagreement] = []
    /// The tickets the pull brought news of, each once, with its status before the sync and after.
    public var changes: [TicketChange] = []
    /// The fingerprint of the hub's key when this session pinned it (the replica's first contact, 1.6).
    public var hubKeyPinned: String?

    public init() {}

    /// Adds a page's ticket changes: a ticket seen on an earlier page keeps its first `before`.
    mutating func merge(_ page: [TicketChange]) {
        for change in page {
            if let index = changeIndex[change.code] {
                changes[index].after = change.after
            } else {
                changeIndex[change.code] = changes.count
                changes.append(change)
            }
        }
    }

    private var changeIndex: [String: Int] = [:]
}
