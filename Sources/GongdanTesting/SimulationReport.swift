import Foundation

/// What a ``DistrictSimulation`` did and what it checked at the end.
public struct SimulationReport: Sendable {
    /// One end-of-run check: what was checked, and the problems found (none: it passed).
    public struct Check: Sendable {
        public var name: String
        public var problems: [String]

        public var passed: Bool { problems.isEmpty }
    }

    public var seed: UInt64 = 0
    public var nodes: [String] = []
    public var days = 0
    public var cutRate = 0.0

    /// Actions recorded through `NodeService`, by kind (`intake`, `dispatch`, `sign`…).
    public var actions: [String: Int] = [:]
    /// Actions the decider refused on the node (nothing recorded); expected to be rare.
    public var refusedLocally = 0
    /// Outage periods begun, and the simulated hours nodes spent offline.
    public var outages = 0
    public var offlineHours = 0
    /// Sync sessions run, failed (cut), and retried within the same hour.
    public var sessions = 0
    public var failedSessions = 0
    public var retries = 0
    /// Cuts injected, by `step/place` (`push/after`: the hub stored the batch, the node never heard).
    public var cuts: [String: Int] = [:]
    /// Events the hub answered as duplicates (replays after a cut), events pushed and pulled.
    public var pushed = 0
    public var replayed = 0
    public var pulled = 0
    /// Refusals by the hub (a protocol error would be a bug): their messages.
    public var hubRefusals: [String] = []
    /// Rounds of the final all-online sync until nothing moved.
    public var convergenceRounds = 0

    /// At the hub after convergence.
    public var tickets = 0
    public var events = 0
    public var eventsByOrigin: [String: Int] = [:]
    public var ticketsByStatus: [String: Int] = [:]
    public var conflictsByKind: [String: Int] = [:]
    /// SHA-256 of every event's id, ticket, type and clock at the hub, in id order: equal for
    /// equal seeds and options (query codes and signing keys are random and left out).
    public var fingerprint = ""

    public var checks: [Check] = []

    public init() {}

    /// Whether every check passed.
    public var passed: Bool { checks.allSatisfy(\.passed) && !checks.isEmpty }

    /// The report as printed by `gongdan-simulate`.
    public var lines: [String] {
        func list(_ counts: [String: Int]) -> String {
            counts.isEmpty ? "none" : counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
        }
        var lines = [
            "gongdan-simulate — seed \(seed), \(nodes.count) nodes (\(nodes.joined(separator: " "))), \(days) days, cut rate \(cutRate)",
            "",
            "activity",
            "  actions          \(actions.values.reduce(0, +)): \(list(actions))",
            "  refused locally  \(refusedLocally)",
            "  outages          \(outages) (\(offlineHours) node-hours offline)",
            "  sync sessions    \(sessions), \(failedSessions) cut short, \(retries) retried in the same hour",
            "  cuts injected    \(cuts.values.reduce(0, +)): \(list(cuts))",
            "  events           \(pushed) pushed, \(replayed) replays answered as duplicates, \(pulled) pulled",
            "  hub refusals     \(hubRefusals.count)\(hubRefusals.isEmpty ? "" : ": " + hubRefusals.prefix(3).joined(separator: " | "))",
            "  converged after  \(convergenceRounds) all-online rounds",
            "",
            "hub",
            "  tickets          \(tickets): \(list(ticketsByStatus))",
            "  events           \(events): \(list(eventsByOrigin))",
            "  conflicts        \(conflictsByKind.values.reduce(0, +)): \(list(conflictsByKind))",
            "  fingerprint      \(fingerprint)",
            "",
            "checks",
        ]
        for check in checks {
            lines.append("  \(check.passed ? "ok  " : "FAIL") \(check.name)")
            for problem in check.problems.prefix(5) { lines.append("         \(problem)") }
            if check.problems.count > 5 { lines.append("         … and \(check.problems.count - 5) more") }
        }
        lines.append("")
        lines.append(passed ? "all checks passed" : "SOME CHECKS FAILED")
        return lines
    }
}
