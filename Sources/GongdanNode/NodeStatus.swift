import Foundation
import GongdanCore
import GongdanStore

/// What `gongdan status` shows.
public struct NodeStatus: Sendable {
    public var identity: NodeIdentity
    public var now: Date
    public var statistics: ReplicaStatistics
    /// Years with an official or loaded holiday schedule.
    public var calendarYears: [Int]
    /// Years in the next 60 days without a schedule (deadlines fall back to Monday–Friday).
    public var calendarFallbackYears: [Int]
}
