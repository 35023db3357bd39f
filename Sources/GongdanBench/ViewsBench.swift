import Foundation
import GRDB
import GongdanCore
import GongdanStore

/// `--sections views`: seconds to compute the monthly report and the annual ranking at a hub holding
/// `--view-tickets` tickets (default 1,000,000), beside a baseline measured in the same run — a plain
/// scan of the same `handling_rounds` table (`SELECT count(*)`, and a sum over every row).
///
/// The projection rows (`ticket_facts`, `handling_rounds`) are generated with raw inserts for speed;
/// the figures are computed through `HubStore.scoringReport` and `HubStore.annualRanking` without
/// ticket lists, the code `gongdan report` runs without `--explain` (the ranking is timed with them too). Tickets are spread over 2026 (every one counts in the annual ranking: the
/// worst case); about a tenth are returned and re-dispatched, a twentieth signed late, a tenth
/// replied late, a fiftieth still open and overdue.
struct ViewsBench {
    let options: BenchOptions

    func run() throws {
        let count = options.viewTickets
        say("")
        say("views — a hub of \(count) tickets (monthly report 2026-10, annual ranking 2026), \(options.runs) runs each")
        let path = options.directory + "/bench-views.sqlite"
        let year2026 = CivilDate("2026-01-01")!.startInChinaStandardTime
        let asOf = CivilDate("2026-12-31")!.startInChinaStandardTime.addingTimeInterval(20 * 3600)
        // BENCH_VIEWS_REUSE=1 times a hub an earlier run left in --dir (generating one takes a minute).
        let reuse = ProcessInfo.processInfo.environment["BENCH_VIEWS_REUSE"] != nil && FileManager.default.fileExists(atPath: path)
        if !reuse { try makeHub(path: path, tickets: count, from: year2026) }
        let hub = try HubStore(path: path)

        let queue = try DatabaseQueue(path: path)
        let count1 = try time { try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM handling_rounds") } }
        let sum1 = try time {
            try queue.read { db in _ = try Int64.fetchOne(db, sql: "SELECT sum(started_at) + sum(accepted_at) FROM handling_rounds") }
        }
        let month = try ScoringPeriod("2026-10")
        var monthUnits = 0, rankedUnits = 0, monthTickets = 0
        let (monthly, monthlyCPU) = try timeWithCPU {
            let report = try hub.scoringReport(period: month, asOf: asOf, weights: nil, explain: false)
            monthUnits = report.units.count
            monthTickets = report.district.onTimeCompletion.denominator
            _ = ScoringEngine.ranking(report)
        }
        let (annual, annualCPU) = try timeWithCPU {
            rankedUnits = try hub.annualRanking(year: 2026, asOf: asOf, explain: false).count
        }
        let annualExplained = try time { _ = try hub.annualRanking(year: 2026, asOf: asOf, explain: true) }
        say(String(format: "  baseline  SELECT count(*) FROM handling_rounds   %7.3f s", count1))
        say(String(format: "  baseline  sum over every handling_rounds row     %7.3f s", sum1))
        say(String(format: "  monthly report 2026-10 (%d units, %d completions due)  %7.3f s (CPU %.3f s)  (%.1f× the count(*) scan)",
                     monthUnits, monthTickets, monthly, monthlyCPU, monthly / max(count1, 1e-6)))
        say(String(format: "  annual ranking 2026 (%d units)                %7.3f s (CPU %.3f s)  (%.1f× the count(*) scan)",
                     rankedUnits, annual, annualCPU, annual / max(count1, 1e-6)))
        say(String(format: "  annual ranking 2026 with --explain (ticket lists)  %7.3f s", annualExplained))
        // The engine alone on the year's facts materialised as [TicketFacts] (what the tests compare
        // with; the reports stream the rows instead).
        let year = try ScoringPeriod.year(2026)
        var facts: [TicketFacts] = []
        let read = try time { facts = try hub.ticketFacts(period: year, asOf: asOf) }
        let engine = try time { _ = ScoringEngine.report(for: year, facts: facts, units: Self.units, asOf: asOf, explain: false) }
        say(String(format: "    for comparison: materialising %d tickets' facts %.3f s, ScoringEngine on them %.3f s",
                     facts.count, read, engine))
        say("  targets: ≤ 1 s each")
    }

    /// A new hub at `path` with the units, `count` tickets' facts, their daily sums and 200 notices.
    func makeHub(path: String, tickets count: Int, from year2026: Date) throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let hub = try HubStore(path: path)
        try hub.initialize(district: "港南区", at: year2026)
        for code in Self.units {
            try hub.upsertUnit(HandlingUnit(code: code, name: "单位\(code)", kind: code.hasPrefix("T") ? .township : .department),
                               at: year2026)
        }
        let generateStart = Date()
        try generate(count, path: path, from: year2026)
        say(String(format: "  generated %d tickets' facts with raw inserts in %.1f s", count, Date().timeIntervalSince(generateStart)))
        let rebuildStart = Date()
        try hub.rebuildScoringDays()
        say(String(format: "  summed them per unit and day (scoring_days, what pushes keep up to date) in %.1f s",
                     Date().timeIntervalSince(rebuildStart)))
        // A few hundred notices, issued through the store, so the deductions are computed too.
        for index in 0..<200 {
            let at = year2026.addingTimeInterval(Double(index) * 86_400 * 1.8)
            let candidate = try NoticeCandidate.interview(unit: Self.units[index % Self.units.count], reason: .dereliction,
                                                          detail: "基准测试", asOf: at)
            try hub.issueNotice(candidate, at: at, by: "bench")
        }
    }

    static let units = (1...18).map { "T\($0)" } + (1...12).map { "D\($0)" }

    /// The median of `options.runs` runs, in seconds of wall time.
    func time(_ body: () throws -> Void) throws -> Double {
        try timeWithCPU(body).wall
    }

    /// The medians of `options.runs` runs, in seconds of wall time and of the process's CPU time (the
    /// latter less disturbed by other work on the machine).
    func timeWithCPU(_ body: () throws -> Void) throws -> (wall: Double, cpu: Double) {
        var times: [Double] = [], cpu: [Double] = []
        for _ in 0..<max(1, options.runs) {
            let start = Date(), cpuStart = Self.processCPUSeconds()
            try body()
            times.append(Date().timeIntervalSince(start))
            cpu.append(Self.processCPUSeconds() - cpuStart)
        }
        return (times.sorted()[times.count / 2], cpu.sorted()[cpu.count / 2])
    }

    static func processCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Inserts `count` tickets and their rounds straight into the projection tables.
    func generate(_ count: Int, path: String, from start: Date) throws {
        let queue = try DatabaseQueue(path: path)
        var generator = SplitMix(seed: 2026)
        let hour: Int64 = 3_600_000, day: Int64 = 86_400_000
        let yearStart = Int64(start.timeIntervalSince1970 * 1000)
        let span = 350 * day
        try queue.write { db in
            let ticket = try db.makeStatement(sql: """
                INSERT INTO ticket_facts (id, code, category, source, entity_name, credit_code, summary, created_at,
                    created_by_unit, hotline_received_at, intake_deadline, status, lead, deadline, closed_at, closure,
                    closure_reason, merged_into, last_event_at, active_until, unsatisfied, max_rejected)
                VALUES (?, ?, 'help', ?, ?, NULL, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, 0)
                """)
            let round = try db.makeStatement(sql: """
                INSERT INTO handling_rounds (ticket_id, position, kind, unit, co_units, started_at, sign_by, deadline,
                    extension_days, signed_at, returned_at, ended_at, replied_at, rejected_replies, accepted_at,
                    satisfaction, resolved, reasonable, channel, note, evaluated_at, settled_at, late_from)
                VALUES (?, ?, 'dispatch', ?, '', ?, ?, ?, 0, ?, ?, ?, ?, 0, ?, ?, ?, 1, ?, NULL, ?, ?, ?)
                """)
            for index in 0..<count {
                let id = Int64(index + 1)
                let created = yearStart + Int64(generator.next() % UInt64(span))
                let hotline = generator.next() % 10 < 7
                let unit = Self.units[Int(generator.next() % UInt64(Self.units.count))]
                let returned = generator.next() % 10 == 0
                let open = generator.next() % 50 == 0
                let lateSign = generator.next() % 20 == 0
                let lateReply = generator.next() % 10 == 0
                let satisfactionRoll = generator.next() % 100
                let satisfaction = satisfactionRoll < 80 ? "satisfied" : satisfactionRoll < 93 ? "basic" : satisfactionRoll < 98 ? "unsatisfied" : "unreachable"
                var start = created + hour
                if returned {
                    let other = Self.units[(Self.units.firstIndex(of: unit)! + 1) % Self.units.count]
                    let back = start + 2 * hour
                    try round.execute(arguments: [id, 0, other, start, start + day, start + 7 * day, nil, back, back, nil, nil,
                                                  nil, nil, nil, nil, back, nil])
                    start = back + hour
                }
                let position = returned ? 1 : 0
                let signBy = start + day, deadline = start + 7 * day
                let signed = start + (lateSign ? 2 * day : 2 * hour)
                if open {
                    try round.execute(arguments: [id, position, unit, start, signBy, deadline, signed, nil, nil, nil, nil,
                                                  nil, nil, nil, nil, nil, deadline])
                } else {
                    let replied = start + (lateReply ? 9 * day : 3 * day)
                    let accepted = replied + 4 * hour
                    let evaluated = accepted + day
                    try round.execute(arguments: [id, position, unit, start, signBy, deadline, signed, nil, evaluated, replied,
                                                  accepted, satisfaction, satisfaction != "unsatisfied", "revisit", evaluated,
                                                  accepted, lateReply ? deadline : nil])
                }
                let closedAt: Int64? = open ? nil : start + (lateReply ? 10 * day : 4 * day) + 4 * hour
                try ticket.execute(arguments: [
                    id, "WS-26-\(index + 1)", hotline ? "hotline" : "window", "经营主体\(index % 5000)", "反映事项\(index % 300)",
                    created, hotline ? created - 2 * hour : nil, hotline ? created + day : nil, open ? "handling" : "closed",
                    open ? unit : nil, open ? deadline : nil, closedAt, open ? nil : (satisfaction == "unreachable" ? "unreachable" : "satisfied"),
                    closedAt ?? (start + 2 * day), max(closedAt ?? 0, start + 7 * day), satisfaction == "unsatisfied" ? 1 : 0,
                ])
            }
        }
    }
}

/// A small seeded generator (SplitMix64), so every run builds the same hub.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
