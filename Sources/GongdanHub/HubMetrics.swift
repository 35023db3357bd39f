import Foundation
import GongdanStore
import GongdanSync
import Prometheus

/// What the hub's operator watches (`GET /metrics`, Prometheus text format): sync traffic as it
/// happens, and the state of every node and of the conflict queue read from the store at each scrape.
///
/// | metric | kind | what |
/// | --- | --- | --- |
/// | `gongdan_push_events_total{result}` | counter | pushed events, `accepted` or `duplicate` |
/// | `gongdan_pull_events_total` | counter | events served on pull pages |
/// | `gongdan_refusals_total{code}` | counter | refused requests by protocol error code |
/// | `gongdan_connections_cut_total{reason}` | counter | connections closed: `too_many` from one address, `head_timeout`, `body_timeout` |
/// | `gongdan_push_store_seconds` | histogram | time a push spent in the store (its transaction) |
/// | `gongdan_node_backlog_events{node}` | gauge | unsent events the node reported at its last push |
/// | `gongdan_node_since_seen_seconds{node}` | gauge | seconds since the node last synced (-1: never) |
/// | `gongdan_node_hub_has_seq{node}` | gauge | the highest contiguous seq of the node's events the hub holds |
/// | `gongdan_open_conflicts` | gauge | conflicts waiting in the queue |
public final class HubMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    let accepted: Counter
    let duplicates: Counter
    let pulled: Counter
    let pushStore: DurationHistogram

    /// `gongdan_NAME_UNIT` with its help text.
    static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "gongdan", metricName: metric, unitName: unit, helpText: help)
    }

    static var pushEvents: MetricNameDescriptor { name("push_events", "total", "Events pushed by nodes, by result") }
    static var pullEvents: MetricNameDescriptor { name("pull_events", "total", "Events served on pull pages") }
    static var connectionsCut: MetricNameDescriptor {
        name("connections_cut", "total", "Connections the hub closed: too many from one address, or a request that did not arrive in time")
    }
    static var refusals: MetricNameDescriptor { name("refusals", "total", "Requests refused, by protocol error code") }
    static var pushStoreSeconds: MetricNameDescriptor { name("push_store", "seconds", "Time a push spent in the hub's store") }
    static var backlog: MetricNameDescriptor { name("node_backlog", "events", "Unsent events the node reported at its last push") }
    static var sinceSeen: MetricNameDescriptor { name("node_since_seen", "seconds", "Seconds since the node last synced (-1: never)") }
    static var hubHas: MetricNameDescriptor { name("node_hub_has", "seq", "Highest contiguous seq of the node's events the hub holds") }
    static var openConflicts: MetricNameDescriptor { name("open", "conflicts", "Conflicts waiting in the queue") }

    public init() {
        accepted = registry.makeCounter(descriptor: Self.pushEvents, labels: [("result", "accepted")])
        duplicates = registry.makeCounter(descriptor: Self.pushEvents, labels: [("result", "duplicate")])
        pulled = registry.makeCounter(descriptor: Self.pullEvents)
        pushStore = registry.makeDurationHistogram(
            descriptor: Self.pushStoreSeconds,
            buckets: [.milliseconds(5), .milliseconds(20), .milliseconds(50), .milliseconds(100), .milliseconds(250),
                      .milliseconds(500), .seconds(1), .seconds(5)])
    }

    func recordPush(_ response: PushResponse, storeTime: Duration) {
        accepted.increment(by: Int64(response.accepted))
        duplicates.increment(by: Int64(response.duplicates))
        pushStore.record(storeTime)
    }

    func recordPull(events: Int) {
        pulled.increment(by: Int64(events))
    }

    /// A connection closed by ``ConnectionGuard``: `reason` is `too_many` (its address held its maximum),
    /// `head_timeout` or `body_timeout`.
    func recordConnectionCut(_ reason: String) {
        registry.makeCounter(descriptor: Self.connectionsCut, labels: [("reason", reason)]).increment()
    }

    func recordRefusal(_ error: SyncError) {
        registry.makeCounter(descriptor: Self.refusals, labels: [("code", error.code.rawValue)]).increment()
    }

    /// The text of a scrape: the node and conflict gauges read from `store` as of `now`, then every metric.
    func scrape(_ store: HubStore, now: Date) throws -> [UInt8] {
        for node in try store.nodes() {
            let labels = [("node", node.code)]
            registry.makeGauge(descriptor: Self.backlog, labels: labels).set(Double(node.backlog ?? 0))
            registry.makeGauge(descriptor: Self.sinceSeen, labels: labels)
                .set(node.lastSeen.map { now.timeIntervalSince($0).rounded() } ?? -1)
            registry.makeGauge(descriptor: Self.hubHas, labels: labels).set(Double(node.hubHas))
        }
        registry.makeGauge(descriptor: Self.openConflicts).set(Double(try store.conflicts(status: .open).count))
        return registry.emitToBuffer()
    }
}
