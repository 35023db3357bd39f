import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import GongdanCore
import GongdanNode
import GongdanStore
import GongdanTesting

/// The dashboard figure of `tools/bench --sections dashboard` (printed, never asserted): a hub
/// holding `--tickets` tickets (the synthetic district's histories, copied into the hub's tables),
/// a real `gongdan hub serve` process, and the time of `GET /dashboard?period=2026-10` for a logged-in
/// viewer — the first request (the month's scoring report computed) and the next ones (the report
/// reused while nothing new is stored) — plus a whole-list CSV export and the scoring report alone.
struct DashboardBench {
    let options: BenchOptions

    func run() async throws {
        say("")
        let hubPath: String
        if let reused = options.dashboardHub {
            hubPath = reused
            say("dashboard on the hub \(reused) (gongdan hub serve on 127.0.0.1)")
        } else {
            let directory = options.directory + "/dashboard"
            try? FileManager.default.removeItem(atPath: directory)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            say("dashboard on a hub of \(options.tickets) tickets (gongdan hub serve on 127.0.0.1)")
            let loadStart = Date()
            hubPath = try loadHub(in: directory)
            say(String(format: "  load the hub (generate, append to a replica, copy into the hub): %.1f s", Date().timeIntervalSince(loadStart)))
        }

        let hub = try HubStore(path: hubPath)
        let (password, _) = try hub.addViewer(name: "bench", at: Date())
        guard let session = try hub.logIn(viewer: "bench", password: password, now: Date()) else {
            throw BenchError("the bench viewer could not log in")
        }
        let tickets = try hub.dashboardStatus(at: Date()).open
        say("  open tickets: \(tickets)")
        if options.dashboardHub == nil {
            let reportStart = Date()
            let report = try hub.scoringReport(period: try ScoringPeriod("2026-10"), asOf: Date(), weights: nil, explain: false)
            say(String(format: "  HubStore.scoringReport(2026-10) in-process: %.0f ms (%d units, district on-time %@)",
                       Date().timeIntervalSince(reportStart) * 1000, report.units.count, report.district.onTimeCompletion.percentText))
        }

        let server = try HubServer(gongdan: options.gongdan, db: hubPath)
        defer { server.stop() }
        let client = URLSession(configuration: .ephemeral)
        func get(_ path: String) async throws -> (ms: Double, bytes: Int) {
            var request = URLRequest(url: URL(string: path, relativeTo: server.url)!)
            request.setValue("gongdan_session=\(session)", forHTTPHeaderField: "Cookie")
            request.timeoutInterval = 1800
            let start = Date()
            let (data, response) = try await client.data(for: request)
            let ms = Date().timeIntervalSince(start) * 1000
            guard (response as? HTTPURLResponse)?.statusCode == 200 else {
                throw BenchError("GET \(path) answered \((response as? HTTPURLResponse)?.statusCode ?? 0)")
            }
            return (ms, data.count)
        }
        let first = try await get("dashboard?period=2026-10")
        say(String(format: "  GET /dashboard, first (computes the month's scores): %8.1f ms  (%d KB)", first.ms, first.bytes / 1024))
        var times: [Double] = []
        for _ in 0..<options.runs { times.append(try await get("dashboard?period=2026-10").ms) }
        times.sort()
        say(String(format: "  GET /dashboard, next %d (scores reused): median %6.1f ms, min %.1f, max %.1f  target ≤ 200 ms",
                   options.runs, times[times.count / 2], times.first!, times.last!))
        let csv = try await get("dashboard/overdue.csv?period=2026-10")
        say(String(format: "  GET /dashboard/overdue.csv (the whole list):        %8.1f ms  (%d KB)", csv.ms, csv.bytes / 1024))
        say(String(format: "  hub peak memory: %.0f MB", Double(server.peakResidentBytes) / 1_048_576))
    }

    /// A hub database holding the synthetic district: appended through a replica (folds and
    /// projections), then its event, projection and unit tables copied into the hub's.
    func loadHub(in directory: String) throws -> String {
        var district = SyntheticDistrict()
        let replicaPath = directory + "/replica.sqlite"
        let store = try ReplicaStore(path: replicaPath)
        let service = NodeService(store: store, person: "bench", now: { Date(timeIntervalSince1970: 1_792_000_000) })
        try service.initialize(role: .workstation, code: "WS", name: "港南区工作站")
        for code in SyntheticDistrict.units {
            try service.addUnit(code: code, name: "单位\(code)", kind: code.count > 2 ? .department : .township)
        }
        // Generated and appended 10,000 tickets at a time, so a million fit in memory; created
        // between 2026-01-05 and 2026-10-20 as `SyntheticDistrict.tickets(_:)` spreads them.
        let start = Fixtures.cst("2026-01-05 08:00").timeIntervalSince1970
        let span = Fixtures.cst("2026-10-20 08:00").timeIntervalSince1970 - start
        for first in stride(from: 0, to: options.tickets, by: 10_000) {
            let events = (first..<min(first + 10_000, options.tickets)).flatMap { index in
                district.ticket(number: index + 1,
                                at: Date(timeIntervalSince1970: start + span * Double(index) / Double(options.tickets)))
            }
            for chunk in stride(from: 0, to: events.count, by: options.batch) {
                try store.appendEvents(Array(events[chunk..<min(chunk + options.batch, events.count)]))
            }
        }
        let hubPath = directory + "/hub.sqlite"
        let hub = try HubStore(path: hubPath)
        try hub.initialize(district: "港南区", at: Date())
        let queue = try DatabaseQueue(path: hubPath)
        try queue.inDatabase { db in
            try db.execute(sql: "ATTACH DATABASE ? AS replica", arguments: [replicaPath])
            try db.inTransaction {
                try db.execute(sql: """
                    INSERT INTO events (origin, seq, ticket, type, hlc, body, hash)
                        SELECT origin, seq, ticket, type, hlc, body, hash FROM replica.events ORDER BY local_id;
                    INSERT INTO tickets SELECT * FROM replica.tickets;
                    INSERT INTO ticket_units SELECT * FROM replica.ticket_units;
                    INSERT OR REPLACE INTO units SELECT * FROM replica.units;
                    """)
                return .commit
            }
            try db.execute(sql: "DETACH DATABASE replica")
        }
        // The projection scoring and supervision read, as pushes would have written it.
        let foldStart = Date()
        try hub.rebuildFacts()
        say(String(format: "  fold every ticket into the hub's facts and daily sums: %.1f s", Date().timeIntervalSince(foldStart)))
        return hubPath
    }
}
