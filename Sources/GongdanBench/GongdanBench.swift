import Foundation
import GongdanCore
import GongdanNode
import GongdanStore

/// `tools/bench` runs this (release build): it builds a replica of N tickets and prints
/// - the rate of appending events through the store beside a raw SQLite insert loop of the same rows,
/// - whole-process times of `gongdan ticket list --overdue` and `gongdan ticket show`,
/// - the sync figures (``SyncBench``): push rate over HTTP beside raw inserts, a new node's first
///   pull, and the peak memory of hub and node processes while syncing `--sync-events` events,
/// - with `--sections views`, the seconds of the monthly report and the annual ranking at a hub of
///   `--view-tickets` tickets (``ViewsBench``).
/// - with `--sections dashboard`, the response time of the hub's web dashboard (``DashboardBench``).
/// - the cost of re-deciding pushed events (``JudgingBench``, section `judging`).
/// - with `--sections logins`, `/healthz` latency while wrong dashboard logins are in flight (``LoginBench``).
/// - with `--sections desk`, the desk's to-do and ticket pages and appends to a long ticket (``DeskBench``).
@main
struct GongdanBench {
    static func main() async throws {
        let options: BenchOptions
        do {
            options = try BenchOptions(CommandLine.arguments.dropFirst())
        } catch {
            FileHandle.standardError.write(Data("gongdan-bench: \(error)\n".utf8))
            exit(2)
        }
        try FileManager.default.createDirectory(atPath: options.directory, withIntermediateDirectories: true)
        if options.sections.contains("store") { try storeAndProcesses(options) }
        if options.sections.contains("sync") { try await SyncBench(options: options).run() }
        if options.sections.contains("judging") { try JudgingBench(options: options).run(events: options.pushEvents) }
        if options.sections.contains("views") { try ViewsBench(options: options).run() }
        if options.sections.contains("dashboard") { try await DashboardBench(options: options).run() }
        if options.sections.contains("logins") { try await LoginBench(options: options).run() }
        if options.sections.contains("desk") { try await DeskBench(options: options).run() }
    }

    /// The storage and whole-process figures on a replica of `--tickets` tickets.
    static func storeAndProcesses(_ options: BenchOptions) throws {
        say("gongdan bench — \(options.tickets) tickets, \(options.runs) runs per command, batch \(options.batch)")

        var district = SyntheticDistrict()
        let generateStart = Date()
        let histories = district.tickets(options.tickets)
        let events = histories.flatMap { $0 }
        say(String(format: "generated %d events for %d tickets in %.1f s", events.count, histories.count,
                     Date().timeIntervalSince(generateStart)))

        // 1. Appending through the store: encode, insert, fold, write projections, one transaction per batch.
        let replicaPath = options.directory + "/bench-replica.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: replicaPath + suffix) }
        let store = try ReplicaStore(path: replicaPath)
        let service = NodeService(store: store, person: "bench", now: { Date(timeIntervalSince1970: 1_792_000_000) })
        try service.initialize(role: .workstation, code: "WS", name: "港南区工作站")
        for code in SyntheticDistrict.units {
            try service.addUnit(code: code, name: "单位\(code)", kind: code.count > 2 ? .department : .township)
        }
        let appendStart = Date()
        let appendCPUStart = processCPUSeconds()
        for chunk in stride(from: 0, to: events.count, by: options.batch) {
            try store.appendEvents(Array(events[chunk..<min(chunk + options.batch, events.count)]))
        }
        let appendSeconds = Date().timeIntervalSince(appendStart)
        let appendCPUSeconds = processCPUSeconds() - appendCPUStart

        // 2. The baseline: the same rows, raw C API.
        let encoder = GongdanJSON.encoder()
        let rows: [RawInsertBaseline.Row] = try events.map {
            ($0.id.origin, $0.id.seq, $0.ticket, $0.payload.type, $0.hlc.packed,
             String(decoding: try encoder.encode($0), as: UTF8.self))
        }
        let rawPath = options.directory + "/bench-raw.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: rawPath + suffix) }
        let rawCPUStart = processCPUSeconds()
        let rawSeconds = try RawInsertBaseline.run(rows: rows, batch: options.batch, path: rawPath)
        let rawCPUSeconds = processCPUSeconds() - rawCPUStart

        let appendRate = Double(events.count) / appendSeconds
        let rawRate = Double(events.count) / rawSeconds
        say("")
        say("append events (store.appendEvents, projections included)")
        say(String(format: "  gongdan store   %9.0f events/s  (%.2f s)", appendRate, appendSeconds))
        say(String(format: "  raw SQLite      %9.0f rows/s    (%.2f s)", rawRate, rawSeconds))
        say(String(format: "  ratio           %9.2f ×  (target ≥ 0.30)", appendRate / rawRate))
        // Where the time goes: CPU (user + system) against waiting, mostly on fsync at each commit.
        say(String(format: "  CPU time        store %.2f s, raw %.2f s (the rest of each is I/O wait)",
                     appendCPUSeconds, rawCPUSeconds))
        let problems = try store.integrityProblems()
        say("  integrity check: \(problems.isEmpty ? "ok" : problems.prefix(3).joined(separator: "; "))")

        // 3. Whole processes on the replica.
        var environment = ProcessInfo.processInfo.environment
        environment["GONGDAN_NOW"] = benchNow
        environment["GONGDAN_DB"] = replicaPath
        let timer = ProcessTimer(executable: URL(fileURLWithPath: options.gongdan), environment: environment)
        let overdue = try store.tickets(matching: TicketFilter(overdueAt: ISO8601DateFormatter().date(from: benchNow)!, limit: 0)).total
        let showCode = TicketCode.make(node: "WS", year: 26, number: options.tickets / 2)
        let commands: [(String, [String])] = [
            ("gongdan --version (process start, baseline)", ["--version"]),
            ("gongdan ticket list --overdue", ["ticket", "list", "--overdue"]),
            ("gongdan ticket list --overdue --json", ["ticket", "list", "--overdue", "--json"]),
            ("gongdan ticket show \(showCode)", ["ticket", "show", showCode]),
            ("gongdan status", ["status"]),
        ]
        say("")
        say("whole processes on \(options.tickets) tickets (\(overdue) overdue), ms: median / min / max of \(options.runs)")
        var baseline = 0.0
        for (label, arguments) in commands {
            let times = try timer.time(arguments, runs: options.runs)
            if baseline == 0 { baseline = times.median }
            say(String(format: "  %-48@ %7.1f / %6.1f / %6.1f   (%.1f× process start)", label as NSString,
                         times.median, times.first!, times.last!, times.median / baseline))
        }
        say("  targets: ticket list --overdue ≤ 50 ms, ticket show ≤ 50 ms")
    }
}

/// The clock of the timed commands: late October 2026, when part of the district is overdue.
let benchNow = "2026-10-21T10:00:00+08:00"

/// `--tickets N --runs R --batch B --dir PATH --gongdan PATH --push-events N --sync-events N --sections LIST`.
struct BenchOptions {
    var tickets = 100_000
    /// Events pushed over HTTP and pulled by a new node (sync figures 1 and 2); 0 skips them.
    var pushEvents = 100_000
    /// Events synced between hub and node processes (figure 3, peak memory); 0 skips it.
    var syncEvents = 1_000_000
    /// Tickets at the hub for the `views` section (monthly report and annual ranking).
    var viewTickets = 1_000_000
    /// Which parts run: `store` (appends and whole processes), `sync`; `views` and `dashboard` only when asked.
    var sections: Set<String> = ["store", "sync", "judging"]
    var runs = 15
    /// Wrong logins in flight at once for the `logins` section (the login limit's burst per address is 10).
    var logins = 10
    /// A hub database an earlier `--sections dashboard` run loaded, to time the dashboard again without reloading.
    var dashboardHub: String?
    var batch = 1000
    var directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongdan-bench").path
    var gongdan = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("gongdan").path

    init(_ arguments: ArraySlice<String>) throws {
        var rest = arguments
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw BenchError("\(flag) needs a value") }
            switch flag {
            case "--tickets": tickets = Int(value) ?? tickets
            case "--runs": runs = Int(value) ?? runs
            case "--batch": batch = Int(value) ?? batch
            case "--dir": directory = value
            case "--gongdan": gongdan = value
            case "--push-events": pushEvents = Int(value) ?? pushEvents
            case "--sync-events": syncEvents = Int(value) ?? syncEvents
            case "--view-tickets": viewTickets = Int(value) ?? viewTickets
            case "--sections": sections = Set(value.split(separator: ",").map(String.init))
            case "--dashboard-hub": dashboardHub = value
            case "--logins": logins = max(1, Int(value) ?? logins)
            default:
                throw BenchError("unknown option \(flag): use --tickets N --runs R --batch B --dir PATH --gongdan PATH --push-events N --sync-events N --view-tickets N --sections store,sync,judging,views,dashboard,logins,desk --dashboard-hub PATH --logins N")
            }
        }
    }
}

/// User plus system CPU seconds the process has used so far.
func processCPUSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Prints a line at once (unbuffered), so figures survive a later failure.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
