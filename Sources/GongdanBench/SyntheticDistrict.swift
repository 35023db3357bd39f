import Foundation
import GongdanCore
import GongdanTesting

/// A district's worth of ticket histories, generated without the decider for speed but with the
/// shapes the decider produces: each ticket walks the life cycle to a random stage, its events
/// spread over the workstation and the units with gapless seqs and proper vector clocks.
struct SyntheticDistrict {
    static let units = ["DX", "QX", "MH", "WT", "BL", "SCJG", "ZJJ", "JTJ"]
    let calendar = WorkingDayCalendar.official
    var random = SeededRandom(seed: 42)
    var seqs: [String: Int64] = [:]

    /// The events of `count` tickets created between 2026-01-05 and 2026-10-20.
    mutating func tickets(_ count: Int) -> [[TicketEvent]] {
        let start = Fixtures.cst("2026-01-05 08:00").timeIntervalSince1970
        let span = Fixtures.cst("2026-10-20 08:00").timeIntervalSince1970 - start
        return (0..<count).map { index in
            let created = Date(timeIntervalSince1970: start + span * Double(index) / Double(count))
            return ticket(number: index + 1, at: created)
        }
    }

    mutating func ticket(number: Int, at created: Date) -> [TicketEvent] {
        let code = TicketCode.make(node: "WS", year: 26, number: number)
        let category = TicketCategory.allCases.randomElement(using: &random)!
        let unit = Self.units.randomElement(using: &random)!
        let workstation = Actor(node: "WS", role: .workstation, unit: nil, person: "王工作站")
        let handler = Actor(node: unit, role: unit.count > 2 ? .department : .township, unit: unit, person: "经办人")
        var events: [TicketEvent] = []
        var clock = VectorClock()
        var time = created
        func add(_ actor: Actor, _ payload: TicketEventPayload, after minutes: Double) {
            time.addTimeInterval(minutes * 60)
            let seq = (seqs[actor.node] ?? 0) + 1
            seqs[actor.node] = seq
            clock = clock.incremented(for: actor.node)
            events.append(TicketEvent(id: EventID(origin: actor.node, seq: seq), ticket: code, hlc: HybridTimestamp(time),
                                      clock: clock, actor: actor, payload: payload))
        }
        let intake = Intake(
            code: code, category: category, source: .hotline,
            entity: BusinessEntity(name: "港南区第\(number)号商户", contact: "联系人", phone: "0775-43\(number % 100_000)"),
            summary: "经营中遇到的问题第\(number)号：道路施工影响门店经营，请协调处理",
            detail: "详细情况：施工围挡遮挡店面，顾客无法进店，已持续数周。",
            hotlineReceivedAt: created.addingTimeInterval(-3600),
            hotlineOrder: "12345-\(number)",
            intakeDeadline: calendar.deadline(workingDays: 1, from: created.addingTimeInterval(-3600)))
        add(workstation, .created(intake), after: 0)
        let stage = Int.random(in: 0..<100, using: &random)
        if stage < 8 { return events }
        let assignment = Assignment(lead: unit, co: [], signBy: calendar.deadline(workingDays: 1, from: time),
                                    deadline: calendar.deadline(workingDays: category.handlingWorkingDays, from: time))
        add(workstation, .dispatched(assignment), after: 30)
        if stage < 20 { return events }
        add(handler, .signed, after: 120)
        add(handler, .contacted(note: "电话联系经营主体，了解诉求"), after: 60)
        if stage < 45 { return events }
        add(handler, .replied(result: "已协调相关单位处理完毕，经营主体认可", resolved: true), after: 60 * 24 * 3)
        if stage < 55 { return events }
        add(workstation, .reviewed(accepted: true, reason: nil), after: 240)
        if stage < 65 { return events }
        let satisfaction: Satisfaction = stage < 95 ? .satisfied : .basic
        add(workstation, .evaluated(Evaluation(satisfaction: satisfaction, resolved: true)), after: 60 * 24)
        return events
    }
}
