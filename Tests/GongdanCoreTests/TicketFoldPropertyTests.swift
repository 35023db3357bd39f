import Foundation
import Testing
import GongdanCore
import GongdanTesting

/// The fold's promise: every replica holding the same events computes the same state, whatever
/// order the events arrived in.
@Suite("Folding is independent of arrival order")
struct TicketFoldPropertyTests {
    /// Plays a random history: random nodes try random commands at increasing times, and replicas
    /// exchange events at random moments, so some events are concurrent (made offline).
    static func randomHistory(seed: UInt64) -> [TicketEvent] {
        var random = SeededRandom(seed: seed)
        var harness = TicketHarness()
        var time = Fixtures.cst("2026-09-28 08:00")
        try! harness.intake(Fixtures.complaint(), on: "WS", at: time)
        let nodes = ["WS", "DX", "QX", "SCJG"]
        for _ in 0..<60 {
            time.addTimeInterval(Double(Int.random(in: 60...20_000, using: &random)))
            let node = nodes.randomElement(using: &random)!
            if Int.random(in: 0..<4, using: &random) == 0 {
                harness.deliver(from: nodes.randomElement(using: &random)!, to: node)
                continue
            }
            guard harness.state(on: node) != nil else { continue }
            let commands: [TicketCommand] = [
                .dispatch(lead: ["DX", "QX", "SCJG"].randomElement(using: &random)!, co: []),
                .sign, .contact(note: "电话"), .progress(note: "进展"), .reply(result: "结果", resolved: Bool.random(using: &random)),
                .review(accept: Bool.random(using: &random), reason: "不规范"),
                .evaluate(Evaluation(satisfaction: Satisfaction.allCases.randomElement(using: &random)!, resolved: Bool.random(using: &random))),
                .returnTicket(reason: "非本单位"), .requestExtension(days: 2, reason: "等待"),
                .decideExtension(approve: Bool.random(using: &random), reason: "审批"),
                .escalate(lead: "SCJG", co: []), .close(reason: "办结"),
                .correct(field: .phone, value: "1380000\(Int.random(in: 1000...9999, using: &random))"),
            ]
            // Try a few commands; the first the node's replica allows is recorded.
            for _ in 0..<6 {
                if (try? harness.perform(commands.randomElement(using: &random)!, on: node, at: time)) != nil { break }
            }
        }
        return harness.allEvents
    }

    @Test("any permutation of a ticket's events folds to the same state", arguments: Array(UInt64(1)...60))
    func permutationsAgree(seed: UInt64) throws {
        let events = Self.randomHistory(seed: seed)
        let reference = try #require(TicketFold.fold(events))
        var random = SeededRandom(seed: seed &* 7919)
        for _ in 0..<25 {
            #expect(TicketFold.fold(events.shuffled(using: &random)) == reference)
        }
    }

    @Test("a causally consistent delivery order folds to the same state as the full set")
    func causalDeliveryAgrees() throws {
        for seed in UInt64(100)...UInt64(140) {
            let events = Self.randomHistory(seed: seed)
            let reference = try #require(TicketFold.fold(events))
            let ordered = TicketFold.causalOrder(events)
            // Every prefix of the causal order is a state some replica could be in; the whole is the reference.
            #expect(TicketFold.fold(ordered) == reference)
            for (index, event) in ordered.enumerated() {
                for earlier in ordered[..<index] {
                    #expect(earlier.clock.compare(event.clock) != .after, "\(earlier.id) placed before \(event.id) which it follows")
                }
            }
        }
    }

    @Test("random histories include concurrent events, so the property is not vacuous")
    func historiesHaveConcurrency() {
        let concurrent = (UInt64(1)...60).filter { seed in
            let events = Self.randomHistory(seed: seed)
            return events.contains { a in events.contains { b in a.clock.compare(b.clock) == .concurrent } }
        }
        #expect(concurrent.count >= 10)
    }

    @Test("a reply made offline by a unit that concurrently lost the ticket is kept and handed over")
    func strayReplyIsHandedOver() throws {
        let cst = Fixtures.cst
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(), on: "WS", at: cst("2026-09-28 08:30"))
        try harness.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-09-28 09:00"))
        harness.syncAll()
        // DX works offline while the workstation re-dispatches to QX.
        try harness.perform(.sign, on: "DX", at: cst("2026-09-28 10:00"))
        try harness.perform(.contact(note: "电话"), on: "DX", at: cst("2026-09-28 10:30"))
        let reply = try harness.perform(.reply(result: "已解决", resolved: true), on: "DX", at: cst("2026-09-29 10:00"))
        try harness.perform(.dispatch(lead: "QX", co: []), on: "WS", at: cst("2026-09-28 11:00"))
        harness.syncAll()
        let states = ["WS", "DX", "QX"].map { harness.state(on: $0) }
        #expect(Set(states).count == 1)
        let state = try #require(states[0])
        #expect(state.lead == "QX")
        #expect(state.status == .pendingSign)
        #expect(state.handedOverReplies.map(\.event) == [reply.id])
        #expect(state.supersededEvents.contains(reply.id))
    }

    @Test("concurrent corrections of one field: the later hybrid clock wins on every replica")
    func lastWriterWins() throws {
        let cst = Fixtures.cst
        var harness = TicketHarness(actors: [Fixtures.workstation, TicketHarnessTestActors.secondWorkstation])
        try harness.intake(Fixtures.complaint(), on: "WS", at: cst("2026-09-28 08:30"))
        harness.syncAll()
        try harness.perform(.correct(field: .phone, value: "111111"), on: "WS2", at: cst("2026-09-28 10:00"))
        try harness.perform(.correct(field: .phone, value: "222222"), on: "WS", at: cst("2026-09-28 09:00"))
        harness.syncAll()
        #expect(harness.state(on: "WS")?.intake.entity.phone == "111111")
        #expect(harness.state(on: "WS2")?.intake.entity.phone == "111111")
    }
}

enum TicketHarnessTestActors {
    static let secondWorkstation = Actor(node: "WS2", role: .workstation, unit: nil, person: "另一台工作站")
}
