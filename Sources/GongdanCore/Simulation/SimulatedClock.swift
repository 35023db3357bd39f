import Foundation

/// A clock a simulation sets by hand: every node's `NodeService(now:)`, every `SyncSession` and the
/// hub read it, so the whole district lives in simulated time.
public final class SimulatedClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    /// The simulated time now.
    public var now: Date {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }

    /// A closure reading the clock, for `now:` parameters.
    public var reader: @Sendable () -> Date { { [self] in now } }
}
