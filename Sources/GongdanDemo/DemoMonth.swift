import Foundation
import GongdanCore
import GongdanNode
import GongdanStore

/// A month of the district, played by a seeded random story against a running hub over HTTP.
///
/// Every working day of the official calendar: 12345 items reach the hub's intake API in the morning
/// (twice in the month the workstation imports a hotline export instead); the workstation syncs,
/// dispatches, decides extensions, reviews replies and revisits entities for their evaluation;
/// each unit syncs, takes walk-ins at its window, signs (or returns), contacts the entity, asks for
/// extensions and replies, as diligently as ``DemoCast/Member/diligence`` says; the workstation
/// comes round again in the afternoon; at the end of the day the hub issues the supervision
/// notices due (as `gongdan hub supervise --issue` does).
///
/// Scripted on top: 桥圩镇 (QX) is offline from the 8th to the 12th working day and keeps working;
/// on its second day offline the workstation, hearing nothing, re-dispatches QX's ticket to 东兴镇,
/// and QX, still offline, replies to it — a conflict at the hub when QX reconnects. The first
/// evaluation from the 5th working day on is unsatisfied, which sends that ticket to a second dispatch.
///
/// ```swift
/// let outcome = try await DemoMonth.play(district, hubURL: url, options: .init(seed: 1)) { progress in … }
/// ```
public struct DemoMonth {
    /// What to play.
    public struct Options: Sendable {
        public var seed: UInt64
        public var period: ScoringPeriod

        /// The default seed: the demo tells the same story on every machine unless asked otherwise.
        public static let defaultSeed: UInt64 = 12345
        /// The default month, November 2026 (a whole month of the built-in official calendar).
        public static let defaultMonth = "2026-11"

        public init(seed: UInt64 = defaultSeed, month: String = defaultMonth) throws {
            guard let period = try? ScoringPeriod(month), period.kind == .month else { throw DemoError.invalidMonth(month) }
            self.seed = seed
            self.period = period
        }

        /// Every day of the month, in order.
        public var days: [CivilDate] {
            let first = CivilDate(year: period.year, month: period.index, day: 1)!
            return (0..<31).map { first.adding(days: $0) }.filter { $0.month == period.index }
        }

        /// Midnight (China Standard Time) that begins the month.
        public var start: Date { days[0].startInChinaStandardTime }

        /// Midnight (China Standard Time) that ends the month.
        public var end: Date { days[days.count - 1].endInChinaStandardTime }
    }

    /// The working days (0-based) of the township's outage: it goes offline on the first, is back on the last.
    static let outageWorkingDays = 7...12
    /// The working day the scripted ticket for the offline township reaches the hub.
    static let conflictIntakeDay = 4
    /// From this working day on, the first evaluation is unsatisfied.
    static let unsatisfiedFromDay = 4

    let district: DemoDistrict
    let options: Options
    let hubURL: URL
    let platform: HotlinePlatform
    let calendar = WorkingDayCalendar.official
    var random: SeededRandom
    var activity: [DemoAction: Int] = [:]
    var offline: Set<String> = []
    var hotlineOrders = 0
    /// Entity name + matter of every report so far.
    var reported: Set<String> = []
    /// The offline township's ticket the workstation takes from it.
    var conflictTicket: String?
    var conflictTaken = false
    var unsatisfiedDone = false
    var offlineEvents: Int64 = 0
    var outageDates: [CivilDate] = []

    var clock: SimulatedClock { district.clock }

    /// Plays the month on `district`, whose hub serves at `hubURL`, reporting after every day.
    public static func play(_ district: DemoDistrict, hubURL: URL, options: Options,
                            progress: (DemoProgress) -> Void) async throws -> DemoOutcome {
        var month = DemoMonth(district: district, options: options, hubURL: hubURL,
                              platform: HotlinePlatform(hubURL: hubURL, token: district.intakeToken),
                              random: SeededRandom(seed: options.seed))
        try await month.playDays(progress: progress)
        return try await month.finish()
    }

    mutating func playDays(progress: (DemoProgress) -> Void) async throws {
        // Everyone syncs once first: each node registers its key, the workstation learns the units.
        clock.now = options.start.addingTimeInterval(7 * 3600)
        for node in district.nodes { try await sync(node.code) }
        let days = options.days
        var working = 0
        for (index, date) in days.enumerated() {
            let isWorking = calendar.isWorkingDay(date)
            if isWorking {
                try await workingDay(date, index: working)
                working += 1
            }
            progress(DemoProgress(day: index + 1, days: days.count, date: date, workingDay: isWorking,
                                  tickets: try district.node(DemoCast.workstation.code).service.list(TicketFilter(limit: 1)).total,
                                  offline: offline.sorted()))
        }
    }

    /// One working day, morning to evening.
    mutating func workingDay(_ date: CivilDate, index: Int) async throws {
        let offlineTownship = DemoCast.offlineTownship
        if index == Self.outageWorkingDays.lowerBound { offline.insert(offlineTownship) }
        if index == Self.outageWorkingDays.upperBound {
            offline.remove(offlineTownship)
            offlineEvents = try district.node(offlineTownship).store.syncSettings().unsent
        }
        if offline.contains(offlineTownship) { outageDates.append(date) }

        at(date, "08:30")
        try await hotline(date, index: index)
        at(date, "09:00")
        try await workstationRound(index: index)
        for (position, unit) in DemoCast.units.enumerated() {
            at(date, "10:\(String(format: "%02d", position * 10))")
            try await unitRound(unit, index: index)
        }
        at(date, "15:00")
        try await workstationRound(index: index)
        at(date, "17:30")
        try superviseAtHub()
    }

    /// Sets the simulated clock to `time` (HH:MM, China Standard Time) on `date`, plus a few seeded seconds.
    mutating func at(_ date: CivilDate, _ time: String) {
        let parts = time.split(separator: ":").compactMap { Double($0) }
        clock.now = date.startInChinaStandardTime.addingTimeInterval(parts[0] * 3600 + parts[1] * 60
                                                                     + Double(Int.random(in: 0..<60, using: &random)))
    }

    /// A node's sync session with the hub over HTTP, as `gongdan sync` runs it (nothing when the node is offline).
    mutating func sync(_ code: String) async throws {
        guard !offline.contains(code) else { return }
        let node = district.node(code)
        let session = SyncSession(store: node.store, transport: HTTPSyncTransport(baseURL: hubURL, token: node.token),
                                  software: "gongdan-demo", now: clock.reader)
        _ = try await session.run()
        count(.sync)
    }

    /// The supervision notices due now, issued (`gongdan hub supervise --issue`).
    mutating func superviseAtHub() throws {
        let hub = district.hub
        for candidate in try hub.noticeCandidates(asOf: clock.now) {
            _ = try hub.issueNotice(candidate, at: clock.now, by: "区督查专责组")
            count(.notice)
        }
    }

    mutating func count(_ action: DemoAction, _ times: Int = 1) {
        activity[action, default: 0] += times
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &random) < probability
    }

    /// Everyone back online syncs until nothing moves; then the figures as of the end of the month.
    mutating func finish() async throws -> DemoOutcome {
        offline.removeAll()
        clock.now = options.end.addingTimeInterval(-3600)
        for _ in 0..<2 {
            for node in district.nodes { try await sync(node.code) }
        }
        clock.now = options.end
        let hub = district.hub
        var replicas: [DemoOutcome.Replica] = []
        for node in district.nodes {
            replicas.append(.init(code: node.code, name: node.member.name, tickets: try node.service.list(TicketFilter(limit: 1)).total,
                                  events: try node.store.lastSeq(), problems: try node.store.integrityProblems()))
        }
        let outage = DemoOutcome.Outage(unit: DemoCast.offlineTownship, from: outageDates.first ?? options.days[0],
                                        through: outageDates.last ?? options.days[0], offlineEvents: offlineEvents)
        return DemoOutcome(
            seed: options.seed, period: options.period, workingDays: options.days.filter(calendar.isWorkingDay).count,
            asOf: options.end, activity: activity, outage: outage, status: try hub.dashboardStatus(at: options.end),
            scoring: try hub.scoringReport(period: options.period, asOf: options.end),
            conflicts: try hub.conflicts(status: nil), notices: try hub.noticeList(), events: try hub.commitSequence(),
            replicas: replicas, verifyProblems: try hub.verify())
    }
}
