import Foundation
import GongdanCore
import GongdanSync
import GongdanTesting
@testable import GongdanStore

/// A hub on a real SQLite file in a temporary directory, with the district's nodes registered and
/// a signing key per node; events come from a `TicketHarness` and are chained and signed with
/// `SignedChain` before they are pushed.
struct HubFixture {
    let directory: TemporaryDirectory
    let store: HubStore
    var nodes: [String: RegisteredNode] = [:]
    var tokens: [String: String] = [:]
    var keys: [String: NodeSigningKey] = [:]
    /// After every event the tests make.
    let now = Fixtures.cst("2026-10-20 09:00")

    init(limits: SyncLimits = .default) throws {
        directory = try TemporaryDirectory("gongdan-hub")
        store = try HubStore(path: directory.path("hub.sqlite"), limits: limits)
        try store.initialize(district: "港南区", at: Fixtures.cst("2026-09-01 09:00"))
        for (code, role, name) in [("WS", Role.workstation, "区工作站"), ("DX", .township, "东兴镇"),
                                   ("QX", .township, "桥圩镇"), ("SCJG", .department, "区市场监管局")] {
            let (node, token) = try store.registerNode(code: code, role: role, name: name, at: Fixtures.cst("2026-09-01 09:00"))
            nodes[code] = node
            tokens[code] = token
            keys[code] = NodeSigningKey()
        }
    }

    /// The node as the hub now has it (public key registered after its first push).
    func node(_ code: String) throws -> RegisteredNode {
        try store.authenticate(token: tokens[code]!)!
    }

    /// `events` of `origin` chained after what the hub holds of it, in a signed push.
    func push(_ events: [TicketEvent], from origin: String, backlog: Int = 0) throws -> PushRequest {
        let held = try store.db.read { db in try HubStore.originHead(db, origin) }
        let linked = SignedChain.linked(events, after: held.hash.map { [origin: $0] } ?? [:])
        return try SignedChain.push(linked, node: origin, key: keys[origin]!, backlog: backlog)
    }

    /// Pushes `origin`'s events the hub lacks from `harness` and returns the answer.
    @discardableResult
    func sync(_ harness: TicketHarness, from origin: String) throws -> PushResponse {
        let held = try store.db.read { db in try HubStore.originHead(db, origin) }.seq
        let events = harness.allEvents.filter { $0.id.origin == origin && $0.id.seq > held }
        return try store.ingest(try push(events, from: origin), from: try node(origin), now: now)
    }

    /// Every page of `node`'s feed from `cursor`, `limit` events a page.
    func pullAll(_ code: String, after cursor: Int64 = 0, limit: Int = 1000) throws -> (events: [TicketEvent], cursor: Int64, pages: Int) {
        var events: [TicketEvent] = [], cursor = cursor, pages = 0
        while true {
            let page = try store.pull(for: try node(code), after: cursor, limit: limit)
            events += page.events
            cursor = page.cursor
            pages += 1
            if !page.more || pages > 10_000 { return (events, cursor, pages) }
        }
    }

    /// Row counts of every table a push writes, to check that a refusal changed nothing.
    func counts() throws -> [String: Int] {
        try Self.counts(of: store)
    }

    /// Row counts of every table a push writes in `store`.
    static func counts(of store: HubStore) throws -> [String: Int] {
        try store.db.read { db in
            var counts: [String: Int] = [:]
            for table in ["events", "tickets", "ticket_units", "origins", "heads", "feed", "conflicts"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    /// A hub that took WS's and DX's pushes of ``dispatchedToDongxing()`` with DX's signing.
    static func withSignedTicket() throws -> HubFixture {
        let hub = try HubFixture()
        var harness = try dispatchedToDongxing()
        try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 11:00"))
        try hub.sync(harness, from: "WS")
        try hub.sync(harness, from: "DX")
        return hub
    }

    /// A ticket taken in at the workstation and dispatched to DX, both delivered to DX's replica.
    static func dispatchedToDongxing() throws -> TicketHarness {
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(), on: "WS", at: Fixtures.cst("2026-09-28 09:00"))
        try harness.perform(.dispatch(lead: "DX", co: []), on: "WS", at: Fixtures.cst("2026-09-28 10:00"))
        harness.deliver(from: "WS", to: "DX")
        return harness
    }

    func remove() { directory.remove() }
}
