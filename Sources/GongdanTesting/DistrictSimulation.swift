import Foundation
import GongdanCore
import GongdanNode
import GongdanStore
import GongdanSync

/// A seeded, deterministic simulation of a district: a real ``GongdanStore/HubStore`` and real
/// ``GongdanStore/ReplicaStore``s in one folder, people working through ``GongdanNode/NodeService``
/// in simulated time, nodes going offline for hours or days, and sync sessions over a transport
/// that cuts exchanges at random (before the hub saw a request, or after it processed one).
///
/// Every simulated hour: outages begin and end; in working hours (08–18 China Standard Time) each
/// node does a few random valid actions (the workstation takes in 12345 tickets, dispatches,
/// re-dispatches, decides extensions, reviews, evaluates, escalates and closes; the units take in
/// walk-ins, sign, return, contact, ask for extensions and reply), offline or not; at minute 55
/// online nodes sync, retrying a cut session up to twice.
///
/// At the end everyone comes online and syncs, cuts off, until a round moves nothing; then
/// ``check()`` compares every replica with the hub and audits the hub. `gongdan-simulate` prints
/// the ``SimulationReport``; `SimulationTests` runs small ones.
///
/// ```swift
/// let report = try await DistrictSimulation.run(.init(seed: 7, nodes: 4, days: 3))
/// #expect(report.passed)
/// ```
public struct DistrictSimulation {
    /// What to simulate.
    public struct Options: Sendable {
        public var seed: UInt64
        /// Nodes, the workstation included (at least 2).
        public var nodes: Int
        public var days: Int
        /// Probability that one call of the protocol is cut.
        public var cutRate: Double
        /// Probability per online node and hour that an outage begins.
        public var outageChance = 0.02
        /// Most actions one unit does in one working hour (the workstation: twice as many).
        public var actionsPerHour = 3
        /// Where the databases go; nil: a temporary directory, removed afterwards.
        public var directory: String?
        /// Midnight (CST) of the first simulated day.
        public var start = Fixtures.cst("2026-09-07 00:00")
        /// Whether the hub folds pushes after answering them (as for 1.3 nodes over HTTP), folding
        /// a random stretch of what waits after some sessions; otherwise before answering.
        public var deferredFolding = false

        public init(seed: UInt64 = 1, nodes: Int = 6, days: Int = 20, cutRate: Double = 0.1, directory: String? = nil) {
            self.seed = seed
            self.nodes = nodes
            self.days = days
            self.cutRate = cutRate
            self.directory = directory
        }
    }

    /// One simulated node.
    struct Node {
        var code: String
        var role: Role
        var service: NodeService
        var transport: CuttingSyncTransport
        var online = true
        var offlineUntil = 0
        var store: ReplicaStore { service.store }
    }

    /// Codes given to units in order: townships have two letters, departments more.
    static let unitCodes = ["DX", "SCJG", "QX", "ZJJ", "MH", "JTJ", "WT", "NYJ", "BL", "SWJ", "NX", "RSJ"]
    static let matters = [
        "门店前道路施工三个月未完工，影响经营", "申请营业执照变更迟迟未办结", "厂区周边排水不畅雨天积水",
        "夜市摊位划分不清引发纠纷", "希望简化食品经营许可续期材料", "园区用电报装等待时间过长",
        "举报无证经营的小作坊", "咨询小微企业税费减免政策",
    ]

    public let options: Options
    public private(set) var report = SimulationReport()
    let hub: HubStore
    let clock: SimulatedClock
    var random: SeededRandom
    var nodes: [Node] = []
    var tokens: [String] = []
    var hotlineOrders = 0
    /// Draws for the folds of a deferred-folding run, apart from `random` so that the same seed
    /// makes the same history whether the hub folds early or late.
    var foldRandom: SeededRandom

    /// Runs a whole simulation and its checks; the report says what happened and what passed.
    public static func run(_ options: Options) async throws -> SimulationReport {
        let temporary = options.directory == nil ? try TemporaryDirectory("gongdan-sim") : nil
        defer { temporary?.remove() }
        var simulation = try DistrictSimulation(options, directory: options.directory ?? temporary!.url.path)
        try await simulation.simulate()
        try await simulation.converge()
        try simulation.check()
        return simulation.report
    }

    /// Sets up the hub and the nodes in `directory` (which should be empty).
    init(_ options: Options, directory: String) throws {
        precondition(options.nodes >= 2, "a district needs the workstation and at least one unit")
        self.options = options
        clock = SimulatedClock(options.start)
        random = SeededRandom(seed: options.seed)
        foldRandom = SeededRandom(seed: options.seed &+ 0xF01D)
        hub = try HubStore(path: directory + "/hub.sqlite")
        try hub.initialize(district: "港南区", at: clock.now)
        let codes = ["WS"] + (1..<options.nodes).map { index in
            index <= Self.unitCodes.count ? Self.unitCodes[index - 1] : "U\(index)"
        }
        for (index, code) in codes.enumerated() {
            let role: Role = code == "WS" ? .workstation : (code.count == 2 || code.hasPrefix("U") ? .township : .department)
            let name = role == .workstation ? "港南区工作站" : "单位\(code)"
            let (_, token) = try hub.registerNode(code: code, role: role, name: name, at: clock.now)
            let store = try ReplicaStore(path: directory + "/\(code).sqlite")
            let service = NodeService(store: store, person: "\(code)经办人", now: clock.reader)
            try service.initialize(role: role, code: code, name: name)
            let direct = DirectSyncTransport(hub: hub, token: token, projection: options.deferredFolding ? .deferred : .immediate,
                                             now: clock.reader)
            let transport = CuttingSyncTransport(direct, rate: options.cutRate,
                                                 seed: options.seed &* 0x9E37_79B9 &+ UInt64(index) &+ 1)
            nodes.append(Node(code: code, role: role, service: service, transport: transport))
            tokens.append(token)
        }
        report.seed = options.seed
        report.nodes = codes
        report.days = options.days
        report.cutRate = options.cutRate
    }

    var unitCodes: [String] { nodes.filter { $0.role.isUnit }.map(\.code) }

    // MARK: - The simulated days

    /// Runs the simulated hours.
    mutating func simulate() async throws {
        // Everyone syncs once first, so the workstation has the unit directory.
        for index in nodes.indices {
            nodes[index].transport.rate = 0
            _ = try await sync(index, attempts: 1)
            nodes[index].transport.rate = options.cutRate
        }
        for hour in 0..<(options.days * 24) {
            let base = options.start.addingTimeInterval(Double(hour) * 3600)
            updateOutages(hour: hour)
            let hourOfDay = hour % 24
            let working = (8..<18).contains(hourOfDay)
            if working {
                var slots: [(minute: Int, node: Int)] = []
                for index in nodes.indices {
                    // The workstation serves the whole district: it works twice as fast.
                    let most = options.actionsPerHour * (nodes[index].role == .workstation ? 2 : 1)
                    for _ in 0..<Int.random(in: 0...most, using: &random) {
                        slots.append((Int.random(in: 0..<50, using: &random), index))
                    }
                }
                for slot in slots.sorted(by: { ($0.minute, $0.node) < ($1.minute, $1.node) }) {
                    clock.now = base.addingTimeInterval(Double(slot.minute * 60 + Int.random(in: 0..<60, using: &random)))
                    try act(slot.node)
                }
            }
            clock.now = base.addingTimeInterval(55 * 60)
            for index in nodes.indices where nodes[index].online {
                if Double.random(in: 0..<1, using: &random) < (working ? 0.7 : 0.15) {
                    _ = try await sync(index, attempts: 3)
                }
            }
        }
    }

    /// Outages end when their time is up; online nodes may go offline for hours to days.
    mutating func updateOutages(hour: Int) {
        for index in nodes.indices {
            if !nodes[index].online {
                if hour >= nodes[index].offlineUntil { nodes[index].online = true } else { report.offlineHours += 1 }
            } else if Double.random(in: 0..<1, using: &random) < options.outageChance {
                let kind = Double.random(in: 0..<1, using: &random)
                let hours = kind < 0.6 ? Int.random(in: 2...12, using: &random)
                    : kind < 0.9 ? Int.random(in: 24...48, using: &random) : Int.random(in: 72...120, using: &random)
                nodes[index].online = false
                nodes[index].offlineUntil = hour + hours
                report.outages += 1
                report.offlineHours += 1
            }
        }
    }

    // MARK: - Work

    /// One random valid action on node `index` (nothing when there is nothing to do).
    mutating func act(_ index: Int) throws {
        let node = nodes[index]
        do {
            let kind = node.role == .workstation ? try workstationAction(node) : try unitAction(node)
            if let kind { report.actions[kind, default: 0] += 1 }
        } catch is TicketError {
            report.refusedLocally += 1
        }
    }

    mutating func workstationAction(_ node: Node) throws -> String? {
        let service = node.service
        let tickets = try service.list(TicketFilter()).tickets
        let waiting = tickets.filter {
            [.pendingDispatch, .pendingReview, .pendingEvaluation, .pendingEscalation].contains($0.status)
                || $0.pendingExtensionDays != nil
        }
        let open = tickets.filter { $0.status == .pendingSign || $0.status == .handling }
        let roll = Double.random(in: 0..<1, using: &random)
        let units = unitCodes
        if roll < 0.08, let ticket = open.randomElement(using: &random) {
            // Take a ticket from its unit: a second dispatch, or an escalation with a designated lead.
            let others = units.filter { $0 != ticket.lead }
            guard let lead = others.randomElement(using: &random) else { return nil }
            if Double.random(in: 0..<1, using: &random) < 0.3 {
                try service.perform(.escalate(lead: lead, co: []), on: ticket.code)
                return "escalate"
            }
            try service.perform(.dispatch(lead: lead, co: []), on: ticket.code)
            return "re-dispatch"
        }
        if roll < 0.3 || waiting.isEmpty {
            try intakeHotline(service)
            return "intake"
        }
        let ticket = waiting.randomElement(using: &random)!
        if ticket.pendingExtensionDays != nil {
            let approve = Double.random(in: 0..<1, using: &random) < 0.75
            try service.perform(.decideExtension(approve: approve, reason: approve ? nil : "理由不充分，请按期办结"), on: ticket.code)
            return "decide-extension"
        }
        switch ticket.status {
        case .pendingDispatch:
            let lead = units.randomElement(using: &random)!
            let co = Double.random(in: 0..<1, using: &random) < 0.2 ? units.filter { $0 != lead }.prefix(1).map { $0 } : []
            try service.perform(.dispatch(lead: lead, co: co), on: ticket.code)
            return "dispatch"
        case .pendingReview:
            let accept = Double.random(in: 0..<1, using: &random) < 0.85
            try service.perform(.review(accept: accept, reason: accept ? nil : "答复不规范，请补充办理过程"), on: ticket.code)
            return "review"
        case .pendingEvaluation:
            let roll = Double.random(in: 0..<1, using: &random)
            let satisfaction: Satisfaction = roll < 0.7 ? .satisfied : roll < 0.85 ? .basic : roll < 0.95 ? .unsatisfied : .unreachable
            try service.perform(.evaluate(Evaluation(satisfaction: satisfaction, resolved: satisfaction.isSatisfied)), on: ticket.code)
            return "evaluate"
        case .pendingEscalation:
            if Double.random(in: 0..<1, using: &random) < 0.6 {
                try service.perform(.escalate(lead: units.randomElement(using: &random)!, co: []), on: ticket.code)
                return "escalate"
            }
            try service.perform(.close(reason: "经工作组协调，诉求不具备办理条件"), on: ticket.code)
            return "close"
        default:
            return nil
        }
    }

    mutating func unitAction(_ node: Node) throws -> String? {
        let service = node.service
        let mine = try service.list(TicketFilter(unit: node.code)).tickets
            .filter { $0.status == .pendingSign || $0.status == .handling }
        if Double.random(in: 0..<1, using: &random) < 0.05 || mine.isEmpty {
            guard Double.random(in: 0..<1, using: &random) < 0.1 || !mine.isEmpty else { return nil }
            let keep = Double.random(in: 0..<1, using: &random) < 0.6
            _ = try service.createTicket(intakeRequest(source: .window, keep: keep))
            return keep ? "walk-in (keep)" : "walk-in"
        }
        let summary = mine.randomElement(using: &random)!
        guard let state = try service.store.ticket(summary.code) else { return nil }
        let roll = Double.random(in: 0..<1, using: &random)
        guard state.lead == node.code else {
            // A co-unit records its contacts and progress.
            try service.perform(state.status == .handling && roll < 0.5 ? .contact(note: "协办单位电话联系经营主体")
                                    : .progress(note: "协办单位已提供意见"), on: state.code)
            return "co-unit note"
        }
        switch state.status {
        case .pendingSign:
            if roll < 0.94 {
                try service.perform(.sign, on: state.code)
                return "sign"
            }
            try service.perform(.returnTicket(reason: "不属于本单位职责范围"), on: state.code)
            return "return"
        case .handling where !state.contactedThisRound:
            try service.perform(.contact(note: "电话联系经营主体，了解诉求"), on: state.code)
            return "contact"
        case .handling:
            if roll < 0.55 {
                let resolved = Double.random(in: 0..<1, using: &random) < 0.85
                try service.perform(.reply(result: resolved ? "已协调处理完毕，经营主体认可" : "已解释政策，问题暂无法解决",
                                           resolved: resolved), on: state.code)
                return "reply"
            }
            if roll < 0.67, state.pendingExtension == nil {
                try service.perform(.requestExtension(days: Int.random(in: 1...5, using: &random), reason: "需协调多个部门"),
                                    on: state.code)
                return "extend"
            }
            if roll < 0.71 {
                try service.perform(.returnTicket(reason: "涉及其他单位职责，申请改派"), on: state.code)
                return "return"
            }
            try service.perform(.contact(note: "再次上门了解进展"), on: state.code)
            return "contact"
        default:
            return nil
        }
    }

    mutating func intakeHotline(_ service: NodeService) throws {
        hotlineOrders += 1
        var request = intakeRequest(source: .hotline, keep: false)
        request.hotlineReceivedAt = clock.now.addingTimeInterval(-Double(Int.random(in: 5...180, using: &random) * 60))
        request.hotlineOrder = "12345-\(options.seed)-\(hotlineOrders)"
        _ = try service.createTicket(request)
    }

    /// A report from one of 120 entities about one of a few matters, so that the same matter from
    /// the same entity reaches two nodes now and then (a likely duplicate intake).
    mutating func intakeRequest(source: IntakeSource, keep: Bool) -> IntakeRequest {
        let entity = Int.random(in: 1...120, using: &random)
        return IntakeRequest(
            category: TicketCategory.allCases.randomElement(using: &random)!, source: source,
            entity: BusinessEntity(name: "港南区第\(entity)号商户", contact: "联系人\(entity)",
                                   phone: "0775-43\(String(10_000 + entity))"),
            summary: Self.matters.randomElement(using: &random)!, detail: "模拟数据", keep: keep)
    }

    // MARK: - Sync

    /// Runs up to `attempts` sessions of node `index` until one completes; returns whether the
    /// completed one moved events. Hub refusals are recorded (they are failures of the check).
    @discardableResult
    mutating func sync(_ index: Int, attempts: Int) async throws -> (completed: Bool, moved: Bool) {
        let node = nodes[index]
        for attempt in 0..<attempts {
            if attempt > 0 { report.retries += 1 }
            report.sessions += 1
            do {
                let session = SyncSession(store: node.store, transport: node.transport, software: "gongdan-simulate",
                                          now: clock.reader)
                let result = try await session.run()
                if options.deferredFolding, Int.random(in: 0..<3, using: &foldRandom) == 0 {
                    try hub.projectPending(limit: Int.random(in: 1...40, using: &foldRandom), now: clock.now)
                }
                report.pushed += result.pushed
                report.replayed += result.duplicates
                report.pulled += result.pulled
                return (true, result.pushed + result.pulled + result.duplicates > 0)
            } catch let error as SyncClientError {
                report.failedSessions += 1
                if case .unreachable = error { continue }
                report.hubRefusals.append("\(node.code): \(error)")
                return (false, false)
            }
        }
        return (false, false)
    }

    /// Everyone online, no more cuts: sync round after round until a round moves nothing.
    mutating func converge() async throws {
        let end = options.start.addingTimeInterval(Double(options.days * 24) * 3600)
        clock.now = end
        for index in nodes.indices {
            nodes[index].online = true
            nodes[index].transport.rate = 0
        }
        for round in 1...12 {
            var moved = false, completed = true
            for index in nodes.indices {
                let outcome = try await sync(index, attempts: 1)
                moved = moved || outcome.moved
                completed = completed && outcome.completed
            }
            if !moved && completed {
                report.convergenceRounds = round
                break
            }
        }
        for node in nodes {
            for step in CuttingSyncTransport.Step.allCases {
                for cut in CuttingSyncTransport.Cut.allCases where node.transport.cuts(step, cut) > 0 {
                    report.cuts["\(step.rawValue)/\(cut.rawValue)", default: 0] += node.transport.cuts(step, cut)
                }
            }
            if node.transport.replays > 0 { report.cuts["push/after, re-sent", default: 0] += node.transport.replays }
        }
    }

    // MARK: - Checks

    /// Compares every replica with the hub and audits both; records each check in the report.
    mutating func check() throws {
        var checks: [SimulationReport.Check] = []
        checks.append(.init(name: "the final all-online sync went quiet within 12 rounds",
                            problems: report.convergenceRounds > 0 ? [] : ["still moving events after 12 rounds"]))
        checks.append(.init(name: "the hub refused no push or pull (no protocol error)", problems: report.hubRefusals))

        // Everything the hub holds, in commit order, as the workstation's feed.
        guard let workstation = try hub.authenticate(token: tokens[0]) else { throw SyncError(.unauthorized, "no workstation") }
        var hubEvents: [TicketEvent] = []
        var cursor: Int64 = 0
        while true {
            let page = try hub.pull(for: workstation, after: cursor, limit: hub.limits.maxPullEvents)
            hubEvents += page.events
            guard page.more, page.cursor > cursor else { break }
            cursor = page.cursor
        }
        let distinct = Set(hubEvents.map(\.id))
        checks.append(.init(name: "every event is stored exactly once at the hub (rows == distinct (origin, seq))",
                            problems: hubEvents.count == distinct.count ? []
                                : ["\(hubEvents.count) rows but \(distinct.count) distinct ids"]))

        var byOrigin: [String: [Int64]] = [:]
        for event in hubEvents { byOrigin[event.id.origin, default: []].append(event.id.seq) }
        var chainProblems: [String] = []
        let health = Dictionary(try hub.nodes().map { ($0.code, $0.hubHas) }, uniquingKeysWith: { first, _ in first })
        for node in nodes {
            let seqs = (byOrigin[node.code] ?? []).sorted()
            let lastSeq = try node.store.lastSeq()
            if seqs != Array(stride(from: Int64(1), through: lastSeq, by: 1)) {
                chainProblems.append("\(node.code): the hub holds \(seqs.count) events (up to seq \(seqs.last ?? 0)) but the node made 1…\(lastSeq)")
            }
            if health[node.code] != lastSeq {
                chainProblems.append("\(node.code): the hub says it holds seq 1…\(health[node.code] ?? 0), the node's last seq is \(lastSeq)")
            }
        }
        for origin in byOrigin.keys.sorted() where !nodes.contains(where: { $0.code == origin }) {
            chainProblems.append("events of an unknown origin \(origin)")
        }
        checks.append(.init(name: "per origin, the hub holds seqs 1…n without gaps, n == the node's last_seq == the hub's hubHas",
                            problems: chainProblems))

        // What each replica should hold: the workstation everything; a unit the tickets it is or
        // was assigned to (lead or co-unit, by dispatch or escalation) or created.
        var hubTickets: [String: [TicketEvent]] = [:]
        var scope: [String: Set<String>] = [:]
        for event in hubEvents {
            hubTickets[event.ticket, default: []].append(event)
            switch event.payload {
            case .created:
                if let unit = event.actor.unit { scope[unit, default: []].insert(event.ticket) }
            case .dispatched(let assignment), .escalated(let assignment):
                for unit in [assignment.lead] + assignment.co { scope[unit, default: []].insert(event.ticket) }
            default:
                break
            }
        }
        // Replicas read different contact details (docs/privacy.md): compare what they all hold.
        let hubStates = hubTickets.mapValues { TicketFold.fold($0)?.contactBlind }
        for node in nodes {
            var problems: [String] = []
            let expected = node.role == .workstation ? Set(hubTickets.keys) : scope[node.code] ?? []
            let held = Set(try node.service.list(TicketFilter()).tickets.map(\.code))
            for code in expected.subtracting(held).sorted() { problems.append("missing ticket \(code)") }
            for code in held.subtracting(expected).sorted() { problems.append("holds \(code), which is outside its scope") }
            for code in expected.intersection(held).sorted() {
                let local = try node.store.events(ofTicket: code)
                if Set(local.map(\.id)) != Set(hubTickets[code]!.map(\.id)) {
                    problems.append("\(code): \(local.count) events, the hub \(hubTickets[code]!.count)")
                } else if try node.store.ticket(code)?.contactBlind != hubStates[code] ?? nil {
                    problems.append("\(code): its state differs from the hub's")
                }
            }
            checks.append(.init(name: "\(node.code) holds exactly its \(expected.count) tickets, each with the hub's events and state",
                                problems: problems))
        }
        for node in nodes {
            checks.append(.init(name: "\(node.code) replica integrity check", problems: try node.store.integrityProblems()))
        }
        checks.append(.init(name: "hub verify (chains, canonical bodies, signed heads)", problems: try hub.verify()))
        let unfolded = try hub.projectionBacklog()
        checks.append(.init(name: "the hub folded every event it stored into its projections",
                            problems: unfolded == 0 ? [] : ["\(unfolded) events not folded after the last pulls"]))
        report.checks = checks

        report.tickets = hubTickets.count
        report.events = hubEvents.count
        report.eventsByOrigin = byOrigin.mapValues(\.count)
        for state in hubStates.values { report.ticketsByStatus[state?.status.rawValue ?? "no created event", default: 0] += 1 }
        for conflict in try hub.conflicts(status: nil) { report.conflictsByKind[conflict.kind.rawValue, default: 0] += 1 }
        let lines = hubEvents.sorted { $0.id < $1.id }
            .map { "\($0.id.origin)#\($0.id.seq) \($0.ticket) \($0.payload.type) \($0.hlc.packed)\n" }.joined()
        report.fingerprint = String(EventChain.hash(bytes: Array(lines.utf8)).prefix(16))
    }
}
