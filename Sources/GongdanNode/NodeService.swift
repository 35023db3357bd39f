import Foundation
import GongdanCore
import GongdanStore

/// The node's application service: every `gongdan` command goes through here. It gathers what a
/// decision needs (identity, calendar, directory, the clock), lets the pure core decide, and has
/// the store record the result in one transaction.
public struct NodeService: Sendable {
    public let store: ReplicaStore
    /// The person at the keyboard, recorded on every event.
    public let person: String
    /// The current time (fixed by `GONGDAN_NOW` in demos and tests).
    public let now: @Sendable () -> Date
    public let policy: HandlingPolicy

    public init(store: ReplicaStore, person: String, policy: HandlingPolicy = .default,
                now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.person = person
        self.policy = policy
        self.now = now
    }

    /// The same service with `person` at the keyboard.
    public func acting(as person: String) -> NodeService {
        NodeService(store: store, person: person, policy: policy, now: now)
    }

    // MARK: - Set-up

    /// Gives a new replica its identity. A township or department node also enters itself in its
    /// own directory, so it can work before its first sync.
    @discardableResult
    public func initialize(role: Role, code: String, name: String) throws -> NodeIdentity {
        let identity = NodeIdentity(code: try NodeCode.validated(code), name: try DisplayName.validated(name), role: role)
        try store.initialize(identity, at: now())
        if let unit = identity.unit {
            try store.upsertUnit(HandlingUnit(code: unit, name: identity.name, kind: role == .township ? .township : .department), at: now())
        }
        return identity
    }

    /// Adds or renames a unit in the directory (the workstation maintains it).
    @discardableResult
    public func addUnit(code: String, name: String, kind: UnitKind) throws -> HandlingUnit {
        let identity = try store.requireIdentity()
        guard identity.role == .workstation else {
            throw TicketError.invalidInput("only the workstation maintains the unit directory; this node is a \(identity.role.rawValue) (the directory reaches it by sync)")
        }
        let unit = HandlingUnit(code: try NodeCode.validated(code), name: try DisplayName.validated(name), kind: kind)
        try store.upsertUnit(unit, at: now())
        return unit
    }

    /// Loads holiday schedules from a file's contents; they take precedence over built-in years.
    public func loadCalendar(_ data: Data) throws -> [HolidaySchedule] {
        let schedules = try WorkingDayCalendar.decodeSchedules(from: data)
        try store.saveSchedules(schedules)
        return schedules
    }

    /// The calendar this replica computes with: built-in years, years loaded here, the hub's years (which win).
    public func calendar() throws -> WorkingDayCalendar { try store.calendar() }

    /// Years loaded here that the hub loaded with other days (the hub's schedule is used).
    public func calendarDisagreements() throws -> [CalendarDisagreement] { try store.calendarDisagreements() }

    // MARK: - Tickets

    /// Takes in a new ticket. Its `created` event carries no query code (protocol 1.4): the
    /// workstation derives it with ``queryCode(for:)``; a unit never learns it.
    public func createTicket(_ request: IntakeRequest) throws -> TicketState {
        if let order = request.hotlineOrder, let existing = try store.ticketCode(forHotlineOrder: order) {
            throw TicketError.invalidInput("hotline order \(order) was already taken in as ticket \(existing); see it with `gongdan ticket show \(existing)`")
        }
        let context = try decisionContext()
        return try store.recordNewTicket(person: person, at: context.now) { code, actor in
            var context = context
            context.actor = actor
            return try TicketDecider.decideIntake(request, code: code, in: context)
        }.state
    }

    /// Performs a life-cycle command on a ticket; returns the recorded event and the new state.
    @discardableResult
    public func perform(_ command: TicketCommand, on code: String) throws -> (event: TicketEvent, state: TicketState) {
        let code = TicketCode.normalized(code)
        if case .merge(let target) = command, try store.ticket(TicketCode.normalized(target)) == nil {
            throw TicketError.unknownTicket(TicketCode.normalized(target))
        }
        let context = try decisionContext()
        return try store.recordEvent(on: code, person: person, at: context.now) { state, actor in
            var context = context
            context.actor = actor
            return try TicketDecider.decide(command, on: state, in: context)
        }
    }

    /// A ticket with its history, or `unknownTicket`. The history shows no legacy query code (one a
    /// `created` event made before protocol 1.4 carried); on the workstation the detail carries the
    /// derived one.
    public func detail(of code: String) throws -> TicketDetail {
        let code = TicketCode.normalized(code)
        guard let (state, events) = try store.ticketWithHistory(code) else { throw TicketError.unknownTicket(code) }
        return TicketDetail(state: state, events: events.map(\.withoutLegacyQueryCode), units: try unitNames(),
                            queryCode: try queryCode(for: code))
    }

    /// The work list.
    public func list(_ filter: TicketFilter) throws -> TicketPage {
        try store.tickets(matching: filter)
    }

    /// The end of the `days`-th working day from now: the horizon of `ticket list --due-within`.
    public func horizon(workingDays days: Int) throws -> Date {
        try calendar().deadline(workingDays: days, from: now())
    }

    /// The node's identity and counts.
    public func status() throws -> NodeStatus {
        let identity = try store.requireIdentity()
        let at = now()
        let calendar = try calendar()
        let today = CivilDate.inChinaStandardTime(at)
        return NodeStatus(identity: identity, now: at, statistics: try store.statistics(at: at),
                          calendarYears: calendar.years,
                          calendarFallbackYears: calendar.yearsWithoutSchedule(from: today, through: today.adding(days: 60)))
    }

    /// Unit code → name, for display.
    public func unitNames() throws -> [String: String] {
        try store.units().namesByCode
    }

    func decisionContext() throws -> DecisionContext {
        let identity = try store.requireIdentity()
        let units = Dictionary(try store.units().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        return DecisionContext(actor: identity.actor(person: person), now: now(), calendar: try calendar(),
                               policy: policy, units: units)
    }
}
