import Foundation
import GongdanCore
import GongdanHub
import GongdanNode
import GongdanStore
import GongdanSync

/// The sync figures of `tools/bench` (printed, never asserted), against a real `gongdan hub serve`
/// process on 127.0.0.1:
/// 1. events/s a node pushes over HTTP in batches of 1000, three in flight as `gongdan sync` sends
///    them (the hub verifies each chain and signed head and stores the events before it answers),
///    beside a raw SQLite insert of the same rows; then the time until the hub has folded them all
///    into its projections, feeds and daily sums (a pull waits for that);
/// 2. seconds for a new node's first pull of those events;
///    1 and 2 in plain HTTP and again over HTTPS with the district CA pinned, every answer signed by the
///    hub and checked by the node in both, and the ratio HTTPS / plain (target ≥ 0.8);
/// 3. with `--sync-events N`: the peak memory of the hub and of each node process (`gongdan sync`)
///    while N events go up from one node and down to a new one.
struct SyncBench {
    let options: BenchOptions

    /// A hub and a node holding its own signed history, ready to sync.
    struct Setup {
        var directory: String
        var hubPath: String
        var replica: ReplicaStore
        /// The credentials of the pushing node `WS` and of a new workstation node `WSB`.
        var token: String
        var newToken: String
        var loadSeconds: Double
    }

    func run() async throws {
        if options.pushEvents > 0 {
            let plain = try await pushAndFirstPull(options.pushEvents, tls: false)
            let https = try await pushAndFirstPull(options.pushEvents, tls: true)
            say("")
            say("HTTPS beside plain HTTP (same run, same events)")
            say(String(format: "  push rate   %9.0f vs %9.0f events/s  ratio %.2f ×  (target ≥ 0.80)",
                       https.pushRate, plain.pushRate, https.pushRate / plain.pushRate))
            say(String(format: "  first pull  %9.2f vs %9.2f s         ratio %.2f ×  (speed, target ≥ 0.80)",
                       https.pullSeconds, plain.pullSeconds, plain.pullSeconds / https.pullSeconds))
        }
        if options.syncEvents > 0 { try processes(options.syncEvents) }
    }

    /// What one run of figures 1 and 2 measured.
    struct Figures {
        var pushRate: Double
        var pullSeconds: Double
    }

    /// Figures 1 and 2: in this process, over real HTTP (or HTTPS with the CA pinned) to a hub process.
    func pushAndFirstPull(_ count: Int, tls: Bool) async throws -> Figures {
        let setup = try prepare(tls ? "sync-push-https" : "sync-push", events: count)
        say("")
        say("sync over \(tls ? "HTTPS (district CA pinned)" : "plain HTTP"), \(count) events of one node (\(count / WorkstationHistory.eventsPerTicket) tickets), hub process on 127.0.0.1, answers signed and checked")
        say(String(format: "  bulk-load the node's own signed chain: %.1f s", setup.loadSeconds))
        var serveArguments: [String] = [], hubCA: PinnedHubCA?
        if tls {
            let made = try DistrictCA.make(district: "港南区", hosts: [], now: Date())
            try made.write(to: setup.directory + "/tls")
            serveArguments = ["--tls-cert", setup.directory + "/tls/hub.pem", "--tls-key", setup.directory + "/tls/hub-key.pem"]
            hubCA = try PinnedHubCA(pem: made.caCertificatePEM)
        }
        let hubKey = try HubStore(path: setup.hubPath).requireInfo().publicKey
        let server = try HubServer(gongdan: options.gongdan, db: setup.hubPath, arguments: serveArguments)
        defer { server.stop() }

        // 1. Push, exactly as SyncSession does it (three batches in flight), timed alone; then the time
        //    until the hub has folded every pushed event into its projections (a pull waits for that).
        let transport = HTTPSyncTransport(baseURL: server.url, token: setup.token, hubCA: hubCA,
                                          hubKey: PinnedHubKey(publicKey: hubKey, node: WorkstationHistory.origin), timeout: 300)
        let replica = setup.replica
        let hubCPUStart = server.cpuSeconds
        let cpuStart = processCPUSeconds()
        let pushStart = Date()
        let state = try await transport.state()
        let pushed = try await PushPipeline(store: replica, transport: transport, batchLimit: 1000,
                                            software: "gongdan-bench").run(hubHas: state.hubHas)
        let pushSeconds = Date().timeIntervalSince(pushStart)
        let nodeCPU = processCPUSeconds() - cpuStart
        let hubCPU = server.cpuSeconds - hubCPUStart
        guard pushed.hubHas == Int64(count) else { throw BenchError("the hub holds \(pushed.hubHas) of \(count) events") }
        _ = try await transport.pull(after: Int64(count), limit: 1)
        let foldedSeconds = Date().timeIntervalSince(pushStart)
        let foldHubCPU = server.cpuSeconds - hubCPUStart - hubCPU

        // The baseline: the same rows, raw C API, batches of 1000.
        var rows: [RawInsertBaseline.Row] = []
        rows.reserveCapacity(count)
        var seq: Int64 = 0
        while true {
            let events = try replica.ownEvents(after: seq, limit: 10_000)
            guard let last = events.last else { break }
            rows += events.map { ($0.id.origin, $0.id.seq, $0.ticket, $0.payload.type, $0.hlc.packed, $0.canonicalJSONString()) }
            seq = last.id.seq
        }
        let rawPath = setup.directory + "/raw.sqlite"
        let rawSeconds = try RawInsertBaseline.run(rows: rows, batch: 1000, path: rawPath)
        rows = []
        let pushRate = Double(count) / pushSeconds, rawRate = Double(count) / rawSeconds
        say("  push, batches of 1000, three in flight (chains verified, heads signed and checked, events durably stored)")
        say(String(format: "    gongdan push  %9.0f events/s  (%.2f s; CPU: node %.2f s, hub %.2f s)  target ≥ 50,000",
                   pushRate, pushSeconds, nodeCPU, hubCPU))
        say(String(format: "    + folded      %9.0f events/s  (all in the projections, feeds, daily sums %.2f s after the first push; hub CPU +%.2f s)",
                   Double(count) / foldedSeconds, foldedSeconds, foldHubCPU))
        say(String(format: "    raw SQLite    %9.0f rows/s    (%.2f s)", rawRate, rawSeconds))
        say(String(format: "    ratio         %9.2f ×  (target ≥ 0.20)", pushRate / rawRate))

        // 2. A new node's first pull of everything.
        let fresh = try ReplicaStore(path: setup.directory + "/new-node.sqlite")
        try fresh.initialize(NodeIdentity(code: "WSB", name: "新工作站", role: .workstation), at: Date())
        let session = SyncSession(store: fresh, transport: HTTPSyncTransport(baseURL: server.url, token: setup.newToken, hubCA: hubCA,
                                                                             hubKey: PinnedHubKey(publicKey: hubKey, node: "WSB"), timeout: 300),
                                  software: "gongdan-bench")
        let pullHubCPUStart = server.cpuSeconds
        let pullCPUStart = processCPUSeconds()
        let pullStart = Date()
        let report = try await session.run()
        let pullSeconds = Date().timeIntervalSince(pullStart)
        say(String(format: "  first pull of a new node: %d events in %d pages, %.2f s (%.0f events/s; CPU: node %.2f s, hub %.2f s)  target ≤ 3 s",
                   report.pulled, report.pages, pullSeconds, Double(report.pulled) / pullSeconds,
                   processCPUSeconds() - pullCPUStart, server.cpuSeconds - pullHubCPUStart))
        guard report.pulled == count else { throw BenchError("the new node pulled \(report.pulled) of \(count) events") }
        let problems = try fresh.integrityProblems()
        say("  new node's integrity check: \(problems.isEmpty ? "ok" : problems.prefix(3).joined(separator: "; "))")
        say(String(format: "  hub peak memory so far: %.0f MB", Double(server.peakResidentBytes) / 1_048_576))
        return Figures(pushRate: pushRate, pullSeconds: pullSeconds)
    }

    /// Figure 3: hub and nodes as separate processes, so each one's peak memory is its own.
    func processes(_ count: Int) throws {
        let setup = try prepare("sync-processes", events: count)
        say("")
        say("sync of \(count) events between processes (gongdan hub serve, gongdan sync)")
        say(String(format: "  bulk-load the node's own signed chain: %.1f s", setup.loadSeconds))
        let server = try HubServer(gongdan: options.gongdan, db: setup.hubPath)
        defer { server.stop() }
        try setup.replica.setRemote(hubURL: server.url.absoluteString, token: setup.token)
        let freshPath = setup.directory + "/new-node.sqlite"
        let fresh = try ReplicaStore(path: freshPath)
        try fresh.initialize(NodeIdentity(code: "WSB", name: "新工作站", role: .workstation), at: Date())
        try fresh.setRemote(hubURL: server.url.absoluteString, token: setup.newToken)

        var environment = ProcessInfo.processInfo.environment.filter { key, _ in !key.hasPrefix("GONGDAN_") }
        environment["GONGDAN_USER"] = "bench"
        environment["LANG"] = "en_US.UTF-8"
        for (label, path) in [("node WS pushes all (then pulls its feed back)", setup.replica.path),
                              ("new node WSB's first pull of all", freshPath)] {
            environment["GONGDAN_DB"] = path
            let run = try ChildRun.run(options.gongdan, ["sync", "--json"], environment: environment)
            guard run.status == 0 else { throw BenchError("gongdan sync (\(label)) failed with status \(run.status): \(run.output)") }
            let json = (try? JSONSerialization.jsonObject(with: Data(run.output.utf8))) as? [String: Any] ?? [:]
            say(String(format: "  %-48@ %6.1f s, peak memory %4.0f MB  (pushed %@, pulled %@, already held %@)  target ≤ 100 MB",
                       label as NSString, run.seconds, Double(run.peakResidentBytes) / 1_048_576,
                       "\(json["pushed"] ?? "?")", "\(json["pulled"] ?? "?")", "\(json["duplicates"] ?? "?")"))
        }
        say(String(format: "  %-48@ %4.0f MB  target ≤ 100 MB", "hub process peak memory" as NSString,
                   Double(server.peakResidentBytes) / 1_048_576))
    }

    /// A fresh hub (with `WS` and `WSB` registered) and `WS`'s replica holding `events` own events.
    func prepare(_ name: String, events count: Int) throws -> Setup {
        let directory = options.directory + "/" + name
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let hubPath = directory + "/hub.sqlite"
        let hub = try HubStore(path: hubPath)
        try hub.initialize(district: "港南区", at: Date())
        let (_, token) = try hub.registerNode(code: WorkstationHistory.origin, role: .workstation, name: "港南区工作站", at: Date())
        let (_, newToken) = try hub.registerNode(code: "WSB", role: .workstation, name: "新工作站", at: Date())
        let replica = try ReplicaStore(path: directory + "/node.sqlite")
        try replica.initialize(NodeIdentity(code: WorkstationHistory.origin, name: "港南区工作站", role: .workstation), at: Date())
        var history = WorkstationHistory()
        let start = Date()
        var loaded = 0
        while loaded < count {
            let events = history.events(min(10_000, count - loaded))
            try replica.appendOwnChain(events)
            loaded += events.count
        }
        return Setup(directory: directory, hubPath: hubPath, replica: replica, token: token, newToken: newToken,
                     loadSeconds: Date().timeIntervalSince(start))
    }
}
