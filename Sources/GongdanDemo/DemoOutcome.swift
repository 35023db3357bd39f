import Foundation
import GongdanCore
import GongdanStore

/// What the demo's month left at the hub, as of the end of the month: the figures `gongdan demo`
/// prints. Everything here is the same for the same seed and month.
public struct DemoOutcome: Sendable {
    /// A node's replica at the end.
    public struct Replica: Hashable, Sendable {
        public var code: String
        public var name: String
        public var tickets: Int
        public var events: Int64
        /// What the replica's integrity check found (nothing, normally).
        public var problems: [String]
    }

    /// The township's outage.
    public struct Outage: Hashable, Sendable {
        public var unit: String
        public var from: CivilDate
        public var through: CivilDate
        /// Events the township recorded while offline, sent when it reconnected.
        public var offlineEvents: Int64
    }

    public var seed: UInt64
    public var period: ScoringPeriod
    public var workingDays: Int
    /// The end of the month: the status and scores are judged here, and the hub's clock stays here.
    public var asOf: Date
    public var activity: [DemoAction: Int]
    public var outage: Outage
    public var status: DashboardStatus
    public var scoring: ScoringReport
    public var conflicts: [HubStore.Conflict]
    public var notices: [StoredNotice]
    /// Events the hub holds.
    public var events: Int64
    public var replicas: [Replica]
    /// What `gongdan hub verify` finds (nothing, normally).
    public var verifyProblems: [String]
}
