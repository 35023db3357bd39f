import Foundation

/// Bounds that keep both sides' memory flat and refuse abuse; the hub announces them in its state.
public struct SyncLimits: Hashable, Sendable, Codable {
    /// Most events in one push.
    public var maxPushEvents = 1000
    /// Largest request body the hub reads, in bytes.
    public var maxBodyBytes = 4 << 20
    /// Most events in one pull page.
    public var maxPullEvents = 2000
    /// A pull page stops growing past this many bytes of events.
    public var maxPullBytes = 2 << 20
    /// How far an event's hybrid clock may run ahead of the hub's clock.
    public var clockAllowance: TimeInterval = 300

    public init() {}

    public static let `default` = SyncLimits()
}
