import Foundation
import GongdanCore

/// One ticket's history written step by step for supervision and scoring tests: a `TicketHarness`
/// whose replicas are synced after every step, with the usual handling sequences as one call each.
/// Times are China Standard Time (`"2026-10-12 09:00"`). Shared by the core's and the hub's tests.
public struct TicketDesk: Sendable {
    public var harness: TicketHarness

    /// Takes in a hotline ticket at the workstation.
    public init(_ code: String, category: TicketCategory = .help, entity: String = "港南区好味餐馆",
         summary: String = "门店前道路施工三个月未完工，影响经营", received: String, created: String) throws {
        harness = TicketHarness(code: code)
        var request = Fixtures.complaint(source: .hotline, receivedAt: Fixtures.cst(received))
        request.category = category
        request.entity.name = entity
        request.summary = summary
        try harness.intake(request, on: "WS", at: Fixtures.cst(created))
        harness.syncAll()
    }

    /// Performs `command` on `node` at `time`, then syncs every replica.
    public mutating func run(_ node: String, _ command: TicketCommand, _ time: String) throws {
        try harness.perform(command, on: node, at: Fixtures.cst(time))
        harness.syncAll()
    }

    public mutating func dispatch(to unit: String, _ time: String) throws {
        try run("WS", .dispatch(lead: unit, co: []), time)
    }

    public mutating func sign(_ unit: String, _ time: String) throws {
        try run(unit, .sign, time)
    }

    public mutating func giveBack(_ unit: String, _ time: String) throws {
        try run(unit, .returnTicket(reason: "不属于本单位职责"), time)
    }

    /// Contact and reply at `replied`, both by `unit`.
    public mutating func reply(_ unit: String, _ replied: String, resolved: Bool = true) throws {
        try run(unit, .contact(note: "电话联系经营主体"), replied)
        try run(unit, .reply(result: "已协调处理", resolved: resolved), replied)
    }

    /// Contact, reply at `replied`, and the workstation accepts at `accepted`.
    public mutating func complete(_ unit: String, replied: String, accepted: String) throws {
        try reply(unit, replied)
        try run("WS", .review(accept: true, reason: nil), accepted)
    }

    public mutating func reject(_ time: String) throws {
        try run("WS", .review(accept: false, reason: "未说明处理结果"), time)
    }

    public mutating func evaluate(_ satisfaction: Satisfaction, resolved: Bool, reasonable: Bool = true, _ time: String) throws {
        try run("WS", .evaluate(Evaluation(satisfaction: satisfaction, resolved: resolved, reasonable: reasonable)), time)
    }

    /// The events every replica holds.
    public var events: [TicketEvent] { harness.allEvents }

    public var state: TicketState { TicketFold.fold(harness.allEvents)! }

    public var facts: TicketFacts { TicketFacts(state) }
}
