import Foundation
import GRDB
import GongdanCore
import GongdanStore
import GongdanTesting

/// A district for integration tests: a hub as a real process and node replicas driven through the
/// real `gongdan` binary, each in one temporary directory.
final class District: @unchecked Sendable {
    let directory: TemporaryDirectory
    let hubDB: String
    let admin: GongdanProcess
    private(set) var hub: HubProcess!
    private(set) var nodes: [String: GongdanProcess] = [:]
    private var tokens: [String: String] = [:]

    /// A hub with a workstation `WS` and the given townships and departments registered; the hub
    /// serves with the system clock, or with `hubNow` fixed (for dates the calendar has not reached).
    init(townships: [String: String] = ["DX": "东兴镇", "QX": "桥圩镇"],
         departments: [String: String] = ["SCJG": "区市场监管局"],
         now: String = "2026-09-28T08:00:00+08:00", hubNow: String? = nil) throws {
        directory = try TemporaryDirectory("district")
        hubDB = directory.path("hub.sqlite")
        var admin = GongdanProcess(directory, replica: "unused.sqlite")
        admin.now = now
        admin.lang = "en_US.UTF-8"
        self.admin = admin
        try admin.ok(["hub", "init", "--db", hubDB, "--district", "港南区"])
        try register("WS", role: "workstation", name: "港南区工作站")
        for (code, name) in townships.sorted(by: { $0.key < $1.key }) { try register(code, role: "township", name: name) }
        for (code, name) in departments.sorted(by: { $0.key < $1.key }) { try register(code, role: "department", name: name) }
        hub = try HubProcess(db: hubDB, now: hubNow)
        let roles: [(code: String, role: String)] = [("WS", "workstation")]
            + townships.keys.sorted().map { ($0, "township") } + departments.keys.sorted().map { ($0, "department") }
        for (code, role) in roles {
            var node = GongdanProcess(directory, replica: "\(code).sqlite")
            node.now = now
            node.lang = "en_US.UTF-8"
            try node.ok(["init", "--role", role, "--node", code, "--name", code, "--hub", hub.url, "--token", tokens[code]!])
            nodes[code] = node
        }
    }

    private func register(_ code: String, role: String, name: String) throws {
        let output = try admin.ok(["hub", "node", "add", code, "--role", role, "--name", name, "--db", hubDB, "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
        tokens[code] = json["token"] as? String
    }

    subscript(code: String) -> GongdanProcess { nodes[code]! }

    /// Runs `gongdan …` on node `code` at time `now` (CST, "2026-09-28 09:00"); it must succeed.
    @discardableResult
    func on(_ code: String, at now: String, _ arguments: String...) throws -> String {
        try nodes[code]!.ok(arguments, now: Self.iso(now))
    }

    /// `gongdan sync` on node `code`; returns the process result (it may fail while the hub is down).
    @discardableResult
    func sync(_ code: String, at now: String = "2026-10-09 09:00") throws -> GongdanResult {
        try nodes[code]!.run(["sync", "--json"], now: Self.iso(now))
    }

    /// Points every node at the hub's current URL (after a restart on a new port).
    func repoint() throws {
        for (code, node) in nodes { try node.ok(["remote", "set", hub.url, "--token", tokens[code]!]) }
    }

    /// The state of `ticket` on node `code`'s replica.
    func state(_ ticket: String, on code: String) throws -> TicketState? {
        try ReplicaStore(path: nodes[code]!.db).ticket(ticket)
    }

    /// The ticket's state folded from the hub's copy of its events.
    func hubState(_ ticket: String) throws -> TicketState? {
        TicketFold.fold(try hubEvents(ticket: ticket))
    }

    func hubEvents(ticket: String) throws -> [TicketEvent] {
        let queue = try DatabaseQueue(path: hubDB)
        let bodies = try queue.read { try String.fetchAll($0, sql: "SELECT body FROM events WHERE ticket = ?", arguments: [ticket]) }
        return try bodies.map { try GongdanJSON.decoder().decode(TicketEvent.self, from: Data($0.utf8)) }
    }

    /// (events stored at the hub, distinct (origin, seq) among them).
    func hubEventCounts() throws -> (rows: Int, distinct: Int) {
        let queue = try DatabaseQueue(path: hubDB)
        return try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM events")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT DISTINCT origin, seq FROM events)")!)
        }
    }

    /// How many events node `code` made (its last seq).
    func lastSeq(of code: String) throws -> Int64 { try ReplicaStore(path: nodes[code]!.db).lastSeq() }

    static func iso(_ cst: String) -> String {
        cst.replacingOccurrences(of: " ", with: "T") + ":00+08:00"
    }

    func shutdown() {
        hub?.stop()
        directory.remove()
    }
}
