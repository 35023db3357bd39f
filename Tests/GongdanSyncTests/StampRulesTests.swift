import Foundation
import Testing
import GongdanCore
import GongdanSync
import GongdanTesting

/// An origin's clock only moves forward (README §5.3.2): the rules for an event's stamp, without IO.
@Suite("Stamp rules")
struct StampRulesTests {
    static let cst = Fixtures.cst

    /// The straight walk's events: WS#1 intake, WS#2 dispatch (09:30), DX#1 sign (10:00), DX#2 contact,
    /// DX#3 reply, WS#3 accept, WS#4 evaluation.
    static func walk() throws -> [TicketEvent] {
        try VectorGenerator.straightWalk().events
    }

    static func event(_ events: [TicketEvent], _ name: String) throws -> TicketEvent {
        try #require(events.first { $0.id.description == name })
    }

    /// `event` restamped at `time`.
    static func stamped(_ event: TicketEvent, at time: Date) -> TicketEvent {
        var event = event
        event.hlc = HybridTimestamp(time)
        return event
    }

    /// The refusal of `event` by `rules`, or an issue if it was accepted.
    static func refusal(_ rules: inout StampRules, _ event: TicketEvent,
                        sourceLocation: SourceLocation = #_sourceLocation) -> SyncError? {
        do {
            try rules.check(event)
            Issue.record("\(event.id) stamped \(event.hlc) was accepted", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test("an honest origin's events, each stamped after the one before, pass every rule")
    func honestEventsPass() throws {
        // Given the hub holding the workstation's intake and dispatch, and DX's floor read before it signed
        let events = try Self.walk()
        let held = events.filter { $0.id.origin == "WS" && $0.id.seq <= 2 }
        var rules = StampRules(previous: nil, floor: ClockFloor(steps: [.init(afterSeq: 0, hlc: held[1].hlc)]),
                               tickets: TicketStamps(held))
        // When DX's sign, contact and reply are checked in seq order
        // Then none is refused
        for event in events where event.id.origin == "DX" {
            #expect(throws: Never.self) { try rules.check(event) }
        }
        #expect(rules.previous == events.filter { $0.id.origin == "DX" }.last!.hlc)
    }

    @Test("an event stamped below its origin's previous event at the hub is refused with clock_behind, naming the event, its stamp and the floor")
    func belowPreviousEvent() throws {
        // Given the hub holding DX's sign and contact (the contact stamped Tue 3 Nov 10:00)
        let events = try Self.walk()
        let contact = try Self.event(events, "DX#2")
        var rules = StampRules(previous: contact.hlc, tickets: TicketStamps(events.filter { $0.id.origin == "WS" && $0.id.seq <= 2 }))
        // When DX's reply is stamped Mon 2 Nov 16:00, a day before its own contact
        let reply = Self.stamped(try Self.event(events, "DX#3"), at: Self.cst("2026-11-02 16:00"))
        let error = try #require(Self.refusal(&rules, reply))
        // Then clock_behind (422) names the event, the rule, both stamps, the gap and what to do
        #expect(error.code == .clockBehind && error.code.httpStatus == 422)
        #expect(error.message.contains("DX#3") && error.message.contains("rule stamp.origin-order"), "\(error.message)")
        #expect(error.message.contains("2026-11-02 16:00:00 UTC+8") && error.message.contains("2026-11-03 10:00:00 UTC+8"), "\(error.message)")
        #expect(error.message.contains("18 hours before"), "\(error.message)")
        #expect(error.message.contains("Fix the clock") && error.message.contains("the node keeps the event"))
    }

    @Test("an event made after a contact and stamped below the hub's clock the node had read is refused; one made before it is not")
    func belowClockFloor() throws {
        // Given DX read the hub's clock on Wed 4 Nov 09:00 when its last seq was 1 (the sign)
        let events = try Self.walk()
        let floor = ClockFloor(steps: [.init(afterSeq: 1, hlc: HybridTimestamp(Self.cst("2026-11-04 09:00")))])
        let held = events.filter { $0.id.origin == "WS" && $0.id.seq <= 2 }
        // When its sign (seq 1, made before the contact) and then its contact (seq 2) stamped Tue 3 Nov are checked
        var rules = StampRules(previous: nil, floor: floor, tickets: TicketStamps(held))
        #expect(throws: Never.self) { try rules.check(try Self.event(events, "DX#1")) }
        let error = try #require(Self.refusal(&rules, try Self.event(events, "DX#2")))
        // Then the contact is refused by the clock floor, the sign passes
        #expect(error.code == .clockBehind)
        #expect(error.message.contains("DX#2") && error.message.contains("rule stamp.clock-floor"), "\(error.message)")
        #expect(error.message.contains("when its last seq was 1"))
    }

    @Test("a floor names the contact an event follows: the latest clock read before it, none for an event made before every contact")
    func floorSteps() {
        // Given two contacts: after seq 4 on Monday, after seq 9 on Wednesday
        let monday = HybridTimestamp(Self.cst("2026-11-02 09:00")), wednesday = HybridTimestamp(Self.cst("2026-11-04 09:00"))
        let floor = ClockFloor(steps: [.init(afterSeq: 4, hlc: monday), .init(afterSeq: 9, hlc: wednesday)])
        // Then seq 4 has none, seqs 5…9 Monday's, seq 10 on Wednesday's
        #expect(floor.lowest(forSeq: 4) == nil)
        #expect(floor.lowest(forSeq: 5)?.hlc == monday && floor.lowest(forSeq: 9)?.hlc == monday)
        #expect(floor.lowest(forSeq: 10)?.hlc == wednesday)
        #expect(ClockFloor.none.lowest(forSeq: 1) == nil)
    }

    @Test("an event stamped before an event it saw on its ticket is refused; one below an event it did not see is not")
    func belowCausalPast() throws {
        // Given the hub holding the workstation's intake and dispatch (Mon 2 Nov 09:30), and no DX event
        let events = try Self.walk()
        let held = events.filter { $0.id.origin == "WS" && $0.id.seq <= 2 }
        // When DX's sign, which saw the dispatch, is stamped 09:15
        var rules = StampRules(previous: nil, tickets: TicketStamps(held))
        let sign = Self.stamped(try Self.event(events, "DX#1"), at: Self.cst("2026-11-02 09:15"))
        let error = try #require(Self.refusal(&rules, sign))
        // Then it is refused, naming the dispatch it saw
        #expect(error.code == .clockBehind)
        #expect(error.message.contains("rule stamp.causal-past") && error.message.contains("WS#2"), "\(error.message)")
        #expect(error.message.contains("15 minutes before"), "\(error.message)")

        // And a sign that saw only the intake may be stamped before the dispatch (a concurrent one)
        var blind = sign
        blind.clock = VectorClock(["WS": 1, "DX": 1])
        var fresh = StampRules(previous: nil, tickets: TicketStamps(held))
        #expect(throws: Never.self) { try fresh.check(blind) }
    }

    @Test("within one push, an event stamped below the batch's previous event is refused")
    func belowBatchPrevious() throws {
        // Given a push of DX's sign and contact, the contact stamped an hour before the sign
        let events = try Self.walk()
        let sign = try Self.event(events, "DX#1")
        let contact = Self.stamped(try Self.event(events, "DX#2"), at: sign.time.addingTimeInterval(-3600))
        var rules = StampRules(previous: nil)
        // When both are checked in order
        try rules.check(sign)
        let error = try #require(Self.refusal(&rules, contact))
        // Then the contact is refused by origin order
        #expect(error.message.contains("DX#2") && error.message.contains("stamp.origin-order"), "\(error.message)")
        #expect(error.message.contains("1 hour before"), "\(error.message)")
    }
}
