import Foundation

/// A node's hybrid logical clock: never runs backwards, stays close to the wall clock, and after
/// observing a remote reading always issues a later one.
public struct HybridClock: Sendable, Equatable {
    /// The last reading issued or observed.
    public private(set) var last: HybridTimestamp

    public init(last: HybridTimestamp = HybridTimestamp(millis: 0)) {
        self.last = last
    }

    /// Issues a reading for a local event at wall-clock time `now`.
    public mutating func tick(now: Date) -> HybridTimestamp {
        let wall = HybridTimestamp(now)
        if wall.millis > last.millis {
            last = wall
        } else if last.counter == .max {
            last = HybridTimestamp(millis: last.millis + 1)
        } else {
            last = HybridTimestamp(millis: last.millis, counter: last.counter + 1)
        }
        return last
    }

    /// Takes a remote reading into account so that the next local reading follows it.
    public mutating func observe(_ remote: HybridTimestamp) {
        if remote > last { last = remote }
    }
}
