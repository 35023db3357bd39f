import Foundation
import GongdanCore
import GongdanTesting

/// One node's own history for the sync benchmarks: the workstation `WS` takes in 12345 tickets,
/// dispatches them, notes progress, escalates and closes them — five workstation-legal events per
/// ticket, a fold without superseded events, one origin with gapless seqs. Dates fall on whole
/// seconds and hybrid clocks grow with seq, so the events survive the canonical round trip and
/// can be chained with `ReplicaStore.appendOwnChain`.
struct WorkstationHistory {
    static let origin = "WS"
    static let eventsPerTicket = 5
    let calendar = WorkingDayCalendar.official
    let start = Fixtures.cst("2026-01-05 08:00")
    let actor = Actor(node: WorkstationHistory.origin, role: .workstation, unit: nil, person: "王工作站")
    var random = SeededRandom(seed: 2026)
    var seq: Int64 = 0
    var tickets = 0

    /// The next `count` events (whole tickets; the last may be cut short to make the count exact).
    mutating func events(_ count: Int) -> [TicketEvent] {
        var events: [TicketEvent] = []
        events.reserveCapacity(count)
        while events.count < count {
            events += ticket().prefix(count - events.count)
        }
        seq = events.last?.id.seq ?? seq  // a ticket cut short: the next one continues its seqs
        return events
    }

    /// The five events of the next ticket, 10 s apart; tickets begin a minute apart.
    mutating func ticket() -> [TicketEvent] {
        tickets += 1
        let number = tickets
        let created = start.addingTimeInterval(Double(number) * 60)
        let code = TicketCode.make(node: Self.origin, year: 26, number: number)
        let category = TicketCategory.allCases.randomElement(using: &random)!
        let units = SyntheticDistrict.units.shuffled(using: &random)
        let received = created.addingTimeInterval(-3600)
        let intake = Intake(
            code: code, category: category, source: .hotline,
            entity: BusinessEntity(name: "港南区第\(number)号商户", contact: "联系人", phone: "0775-43\(10_000 + number % 90_000)"),
            summary: "经营中遇到的问题第\(number)号：道路施工影响门店经营，请协调处理",
            detail: "详细情况：施工围挡遮挡店面，顾客无法进店，已持续数周。",
            hotlineReceivedAt: received, hotlineOrder: "12345-\(number)",
            intakeDeadline: calendar.deadline(workingDays: 1, from: received))
        func assignment(_ lead: String, at time: Date) -> Assignment {
            Assignment(lead: lead, co: [], signBy: calendar.deadline(workingDays: 1, from: time),
                       deadline: calendar.deadline(workingDays: category.handlingWorkingDays, from: time))
        }
        let payloads: [TicketEventPayload] = [
            .created(intake),
            .dispatched(assignment(units[0], at: created.addingTimeInterval(10))),
            .progressNoted(note: "工作站电话督促承办单位尽快签收"),
            .escalated(assignment(units[1], at: created.addingTimeInterval(30))),
            .closed(reason: "经工作组协调，诉求已由相关部门一并解决"),
        ]
        var clock = VectorClock()
        return payloads.enumerated().map { index, payload in
            seq += 1
            clock = clock.incremented(for: Self.origin)
            return TicketEvent(id: EventID(origin: Self.origin, seq: seq), ticket: code,
                               hlc: HybridTimestamp(created.addingTimeInterval(Double(index) * 10)), clock: clock,
                               actor: actor, payload: payload)
        }
    }
}
