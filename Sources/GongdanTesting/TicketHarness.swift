import Foundation
import GongdanCore

/// An in-memory district for domain tests: nodes that each keep their own copy of one ticket's
/// events, decide commands through `TicketDecider`, and exchange events when told to. No IO.
public struct TicketHarness: Sendable {
    /// One node's replica of the ticket.
    public struct Replica: Sendable {
        public var actor: Actor
        public var seq: Int64 = 0
        public var clock = HybridClock()
        public var events: [TicketEvent] = []

        public var state: TicketState? { TicketFold.fold(events) }
    }

    public var replicas: [String: Replica]
    public var calendar = WorkingDayCalendar.official
    public var policy = HandlingPolicy.default
    public var units = Fixtures.units
    public let code: String

    public init(code: String = "WS-26-0001", actors: [Actor] = [Fixtures.workstation, Fixtures.dongxing,
                                                                 Fixtures.qiaoxuan, Fixtures.market]) {
        self.code = code
        replicas = Dictionary(uniqueKeysWithValues: actors.map { ($0.node, Replica(actor: $0)) })
    }

    /// Every event any replica holds, each once.
    public var allEvents: [TicketEvent] {
        var seen = Set<EventID>()
        return replicas.values.flatMap(\.events).filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
    }

    /// The state on `node`'s replica, folded under the harness's calendar and limits.
    public func state(on node: String) -> TicketState? {
        replicas[node].flatMap { TicketFold.fold($0.events, policy: district) }
    }

    /// The harness's calendar and limits as a district policy.
    public var district: DistrictPolicy {
        DistrictPolicy(calendar: calendar, versions: [.init(effectiveFrom: .distantPast, handling: policy)])
    }

    /// Takes in the ticket on `node` at `time`. With `legacyQueryCode` the created event carries
    /// that code, as events made before protocol 1.4 did; a 1.4 node's carries none.
    @discardableResult
    public mutating func intake(_ request: IntakeRequest, on node: String, at time: Date,
                                legacyQueryCode: String? = nil) throws(TicketError) -> TicketEvent {
        let context = context(for: node, at: time)
        var payload = try TicketDecider.decideIntake(request, code: code, in: context)
        if let legacyQueryCode, case .created(var intake) = payload {
            intake.queryCode = legacyQueryCode
            payload = .created(intake)
        }
        return append(payload, on: node, at: time)
    }

    /// Decides `command` on `node`'s replica at `time` and appends the event there.
    @discardableResult
    public mutating func perform(_ command: TicketCommand, on node: String, at time: Date) throws(TicketError) -> TicketEvent {
        guard let state = state(on: node) else { throw .unknownTicket(code) }
        let payload = try TicketDecider.decide(command, on: state, in: context(for: node, at: time))
        return append(payload, on: node, at: time)
    }

    /// Copies every event `from` holds to `to` (as a sync would), observing their clocks.
    public mutating func deliver(from: String, to: String) {
        guard let source = replicas[from], var target = replicas[to] else { return }
        let known = Set(target.events.map(\.id))
        for event in source.events where !known.contains(event.id) {
            target.events.append(event)
            target.clock.observe(event.hlc)
        }
        replicas[to] = target
    }

    /// Delivers everything between every pair of replicas.
    public mutating func syncAll() {
        let nodes = replicas.keys.sorted()
        for _ in 0..<2 { for a in nodes { for b in nodes where a != b { deliver(from: a, to: b) } } }
    }

    /// Appends an event no decider made — what a hostile node holding its own key could sign and push.
    @discardableResult
    public mutating func forge(_ payload: TicketEventPayload, on node: String, at time: Date) -> TicketEvent {
        append(payload, on: node, at: time)
    }

    func context(for node: String, at time: Date) -> DecisionContext {
        DecisionContext(actor: replicas[node]!.actor, now: time, calendar: calendar, policy: policy, units: units)
    }

    mutating func append(_ payload: TicketEventPayload, on node: String, at time: Date) -> TicketEvent {
        var replica = replicas[node]!
        replica.seq += 1
        let hlc = replica.clock.tick(now: time)
        let clock = (replica.state?.clock ?? VectorClock()).incremented(for: node)
        let event = TicketEvent(id: EventID(origin: node, seq: replica.seq), ticket: code, hlc: hlc, clock: clock,
                                actor: replica.actor, payload: payload)
        replica.events.append(event)
        replicas[node] = replica
        return event
    }
}
