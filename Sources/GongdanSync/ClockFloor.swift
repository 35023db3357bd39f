import GongdanCore

/// What the hub knows a node's clock had passed: at each contact where the node proved it had read the
/// hub's clock (its pull after a state answer, 1.4), the node's last local seq then and the hub's
/// reading it had been answered. Every event the node made after that seq was stamped by a clock that
/// had observed the reading, so none may be stamped below it (``StampRules``).
///
/// Pure and small: the hub keeps only the steps its stored events do not already imply.
public struct ClockFloor: Hashable, Sendable {
    /// One contact: events after `afterSeq` are stamped at `hlc` or later.
    public struct Step: Hashable, Sendable {
        public var afterSeq: Int64
        public var hlc: HybridTimestamp

        public init(afterSeq: Int64, hlc: HybridTimestamp) {
            self.afterSeq = afterSeq
            self.hlc = hlc
        }
    }

    public var steps: [Step]

    /// No floor: nothing known of the node's clock beyond its events.
    public static let none = ClockFloor(steps: [])

    public init(steps: [Step]) {
        self.steps = steps
    }

    /// The lowest stamp an event with seq `seq` may carry, and the contact it comes from; nil when no
    /// contact precedes the event.
    ///
    /// ```swift
    /// let floor = ClockFloor(steps: [.init(afterSeq: 4, hlc: monday)])
    /// floor.lowest(forSeq: 4)   // nil: made before the contact
    /// floor.lowest(forSeq: 5)   // monday's step
    /// ```
    public func lowest(forSeq seq: Int64) -> Step? {
        steps.filter { $0.afterSeq < seq }.max { $0.hlc < $1.hlc }
    }
}
