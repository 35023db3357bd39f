import Foundation
import Testing
import GongdanCore
import GongdanTesting

/// DESIGN §4 on a hand-computed October 2026. Help tickets (5 working days) dispatched on Monday
/// 10-12 must be signed by the end of 10-13 and are due by the end of 10-19. All are hotline tickets.
///
/// | ticket | story (DX unless said) | counts in October |
/// | --- | --- | --- |
/// | 1 | on time, satisfied, resolved | on time; resolved; satisfied |
/// | 2 | taken in late, signed late, accepted 10-20 (late), basically satisfied, not resolved | late intake; late signing; late; satisfied |
/// | 3 | signed, never replied | overdue and open at the month's end |
/// | 4 | extended 5 days to 10-26, accepted 10-22, unsatisfied but unreasonable | on time; unresolved; out of satisfaction |
/// | 5 | QX returns it, re-dispatched to DX, accepted, entity unreachable | QX's return; on time; out of both rates |
/// | 6 | DX returns it, re-dispatched to DX (overruled), accepted, satisfied | DX's return, overruled; on time |
/// | 7 | unsatisfied (reasonable), second dispatch to DX, satisfied | two on-time rounds; two evaluations |
/// | 8 | dispatched 10-26, accepted 10-29, not yet evaluated | on time; not evaluated |
/// | 9 | accepted in September, evaluated 10-09 satisfied | only its evaluation counts in October |
@Suite("Scoring a month")
struct ScoringMonthTests {
    let cst = Fixtures.cst

    static func month() throws -> [TicketDesk] {
        var t1 = try TicketDesk("WS-26-0001", received: "2026-10-11 16:00", created: "2026-10-12 08:00")
        try t1.dispatch(to: "DX", "2026-10-12 09:00")
        try t1.sign("DX", "2026-10-12 10:00")
        try t1.complete("DX", replied: "2026-10-14 10:00", accepted: "2026-10-14 15:00")
        try t1.evaluate(.satisfied, resolved: true, "2026-10-15 10:00")

        // Received Friday 10-09: the intake limit ended with the make-up working Saturday 10-10.
        var t2 = try TicketDesk("WS-26-0002", received: "2026-10-09 16:00", created: "2026-10-12 08:00")
        try t2.dispatch(to: "DX", "2026-10-12 09:00")
        try t2.sign("DX", "2026-10-14 10:00")
        try t2.complete("DX", replied: "2026-10-20 10:00", accepted: "2026-10-20 15:00")
        try t2.evaluate(.basic, resolved: false, "2026-10-21 10:00")

        var t3 = try TicketDesk("WS-26-0003", received: "2026-10-11 16:00", created: "2026-10-12 08:00")
        try t3.dispatch(to: "DX", "2026-10-12 09:00")
        try t3.sign("DX", "2026-10-12 10:00")

        var t4 = try TicketDesk("WS-26-0004", received: "2026-10-11 16:00", created: "2026-10-12 08:00")
        try t4.dispatch(to: "DX", "2026-10-12 09:00")
        try t4.sign("DX", "2026-10-12 10:00")
        try t4.run("DX", .requestExtension(days: 5, reason: "需等待施工方"), "2026-10-15 10:00")
        try t4.run("WS", .decideExtension(approve: true, reason: nil), "2026-10-15 11:00")
        try t4.complete("DX", replied: "2026-10-22 10:00", accepted: "2026-10-22 15:00")
        try t4.evaluate(.unsatisfied, resolved: false, reasonable: false, "2026-10-23 10:00")

        var t5 = try TicketDesk("WS-26-0005", received: "2026-10-11 16:00", created: "2026-10-12 08:00")
        try t5.dispatch(to: "QX", "2026-10-12 09:00")
        try t5.giveBack("QX", "2026-10-12 11:00")
        try t5.dispatch(to: "DX", "2026-10-12 14:00")
        try t5.sign("DX", "2026-10-13 09:00")
        try t5.complete("DX", replied: "2026-10-16 10:00", accepted: "2026-10-16 15:00")
        try t5.evaluate(.unreachable, resolved: false, "2026-10-19 10:00")

        var t6 = try TicketDesk("WS-26-0006", received: "2026-10-11 16:00", created: "2026-10-12 08:00")
        try t6.dispatch(to: "DX", "2026-10-12 09:00")
        try t6.giveBack("DX", "2026-10-12 10:00")
        try t6.dispatch(to: "DX", "2026-10-12 11:00")
        try t6.sign("DX", "2026-10-12 12:00")
        try t6.complete("DX", replied: "2026-10-15 10:00", accepted: "2026-10-15 15:00")
        try t6.evaluate(.satisfied, resolved: true, "2026-10-16 10:00")

        var t7 = try TicketDesk("WS-26-0007", received: "2026-10-11 16:00", created: "2026-10-12 08:00")
        try t7.dispatch(to: "DX", "2026-10-12 09:00")
        try t7.sign("DX", "2026-10-12 10:00")
        try t7.complete("DX", replied: "2026-10-13 10:00", accepted: "2026-10-13 15:00")
        try t7.evaluate(.unsatisfied, resolved: false, "2026-10-14 09:00")
        try t7.dispatch(to: "DX", "2026-10-14 10:00")
        try t7.sign("DX", "2026-10-14 11:00")
        try t7.complete("DX", replied: "2026-10-16 10:00", accepted: "2026-10-16 15:00")
        try t7.evaluate(.satisfied, resolved: true, "2026-10-19 10:00")

        var t8 = try TicketDesk("WS-26-0008", received: "2026-10-25 16:00", created: "2026-10-26 08:00")
        try t8.dispatch(to: "DX", "2026-10-26 09:00")
        try t8.sign("DX", "2026-10-26 10:00")
        try t8.complete("DX", replied: "2026-10-28 10:00", accepted: "2026-10-29 15:00")

        var t9 = try TicketDesk("WS-26-0009", received: "2026-09-13 16:00", created: "2026-09-14 08:00")
        try t9.dispatch(to: "DX", "2026-09-14 09:00")
        try t9.sign("DX", "2026-09-14 10:00")
        try t9.complete("DX", replied: "2026-09-16 10:00", accepted: "2026-09-16 15:00")
        try t9.evaluate(.satisfied, resolved: true, "2026-10-09 10:00")

        return [t1, t2, t3, t4, t5, t6, t7, t8, t9]
    }

    func notices() throws -> [IssuedNotice] {
        func notice(_ n: Int, _ unit: String, _ trigger: NoticeTrigger, _ at: String) throws -> IssuedNotice {
            let candidate = NoticeCandidate(unit: unit, trigger: trigger, tickets: ["WS-26-000\(n)"], findings: "…",
                                            finishBy: CivilDate("2026-10-30")!, asOf: cst(at))
            return candidate.issued(number: try NoticeNumber(district: "港南", year: 2026, sequence: n), at: cst(at))
        }
        return [try notice(3, "DX", .overdueNotReplied, "2026-10-20 09:00"),
                try notice(7, "DX", .unsatisfiedTwice, "2026-10-21 09:00"),
                try notice(1, "QX", .overdueNotReplied, "2026-09-30 09:00")]
    }

    func october(asOf: Date? = nil) throws -> ScoringReport {
        let facts = try Self.month().map(\.facts)
        return ScoringEngine.report(for: try ScoringPeriod("2026-10"), facts: facts, notices: try notices(),
                                    units: ["DX", "QX"], asOf: asOf)
    }

    func code(_ n: Int) -> String { "WS-26-000\(n)" }
    func codes(_ numbers: Int...) -> [String] { numbers.map(code) }

    @Test("on-time completion: accepted by the (extended) deadline ÷ accepted in the month plus overdue and open")
    func onTimeCompletion() throws {
        let dx = try #require(try october().score(of: "DX"))

        // Ticket 7 completed two rounds; ticket 3 is overdue and open; ticket 2 was late; 5 and 6 count
        // for DX only after their re-dispatch; ticket 9 completed in September.
        #expect(dx.onTimeCompletion.denominatorTickets == codes(1, 2, 3, 4, 5, 6, 7, 7, 8))
        #expect(dx.onTimeCompletion.numeratorTickets == codes(1, 4, 5, 6, 7, 7, 8))
        #expect(dx.onTimeCompletion.numerator == 7)
        #expect(dx.onTimeCompletion.denominator == 9)
        #expect(dx.onTimeCompletion.shortfallTickets == codes(2, 3))
    }

    @Test("resolution: evaluations in the month that say resolved ÷ evaluations, unreachable left out")
    func resolution() throws {
        let dx = try #require(try october().score(of: "DX"))

        #expect(dx.resolution.denominatorTickets == codes(1, 2, 4, 6, 7, 7, 9))
        #expect(dx.resolution.numeratorTickets == codes(1, 6, 7, 9))
    }

    @Test("satisfaction: satisfied or basic ÷ evaluations, unreasonable and unreachable left out and listed")
    func satisfaction() throws {
        let dx = try #require(try october().score(of: "DX"))

        #expect(dx.satisfaction.denominatorTickets == codes(1, 2, 6, 7, 7, 9))
        #expect(dx.satisfaction.numeratorTickets == codes(1, 2, 6, 7, 9))
        #expect(dx.satisfaction.target == 0.95)
        #expect(dx.satisfaction.meetsTarget == false)
        #expect(dx.satisfaction.percentText == "83.3%")
        #expect(dx.unreasonable.tickets == codes(4))
        #expect(dx.unreachable.tickets == codes(5))
    }

    @Test("signing timeliness: dispatches signed or returned by their signing limit ÷ limits ending in the month")
    func signingTimeliness() throws {
        let report = try october()
        let dx = try #require(report.score(of: "DX"))
        let qx = try #require(report.score(of: "QX"))

        // Ticket 6 counts twice for DX: returned in time, then signed in time after the re-dispatch.
        #expect(dx.signingTimeliness.denominatorTickets == codes(1, 2, 3, 4, 5, 6, 6, 7, 7, 8))
        #expect(dx.signingTimeliness.numeratorTickets == codes(1, 3, 4, 5, 6, 6, 7, 7, 8))
        #expect(qx.signingTimeliness.numeratorTickets == codes(5))
        #expect(qx.signingTimeliness.denominator == 1)
    }

    @Test("intake timeliness: hotline tickets taken in within 1 working day ÷ hotline tickets taken in")
    func intakeTimeliness() throws {
        let report = try october()

        // The workstation took every ticket in, so the figure is the district's.
        #expect(report.district.intakeTimeliness.denominatorTickets == codes(1, 2, 3, 4, 5, 6, 7, 8))
        #expect(report.district.intakeTimeliness.numeratorTickets == codes(1, 3, 4, 5, 6, 7, 8))
        #expect(report.score(of: "DX")?.intakeTimeliness.denominator == 0)
    }

    @Test("evaluation coverage: accepted replies evaluated ÷ replies accepted in the month, against 100%")
    func evaluationCoverage() throws {
        let dx = try #require(try october().score(of: "DX"))

        #expect(dx.evaluationCoverage.denominatorTickets == codes(1, 2, 4, 5, 6, 7, 7, 8))
        #expect(dx.evaluationCoverage.numeratorTickets == codes(1, 2, 4, 5, 6, 7, 7))
        #expect(dx.evaluationCoverage.meetsTarget == false)
    }

    @Test("returns, overruled returns and notices are counted for the unit that made or received them")
    func returnsAndNotices() throws {
        let report = try october()
        let dx = try #require(report.score(of: "DX"))
        let qx = try #require(report.score(of: "QX"))

        #expect(dx.returns.tickets == codes(6))
        #expect(dx.returnsOverruled.tickets == codes(6))
        #expect(qx.returns.tickets == codes(5))
        #expect(qx.returnsOverruled.count == 0)
        #expect(dx.notices.reminders.map(\.description) == ["港南督〔2026〕3号"])
        #expect(dx.notices.rectifications.map(\.description) == ["港南督〔2026〕7号"])
        #expect(qx.notices.total == 0)
        #expect(report.listedNotices.map(\.number.sequence) == [7])
        #expect(report.district.returns.tickets == codes(5, 6))
    }

    @Test("the composite weighs the three rates 0.1 / 0.5 / 0.4 and deducts 0.5 per reminder and 2 per rectification")
    func composite() throws {
        let report = try october()
        let dx = try #require(report.score(of: "DX"))

        // 100 × (0.1 × 7/9 + 0.5 × 4/7 + 0.4 × 5/6) = 69.68…; minus 2.5 = 67.18
        #expect(dx.deduction == 2.5)
        #expect(dx.composite == 67.18)
        #expect(report.score(of: "QX")?.composite == nil)
    }

    @Test("a month in progress is judged as of the time given")
    func monthInProgress() throws {
        let report = try october(asOf: cst("2026-10-18 00:00"))
        let dx = try #require(report.score(of: "DX"))

        // Tickets 2 and 3 are not due until the end of 10-19, ticket 4 was extended: none counts yet.
        #expect(dx.onTimeCompletion.denominatorTickets == codes(1, 5, 6, 7, 7))
        #expect(report.judgedAt == cst("2026-10-18 00:00"))
    }

    @Test("the same facts in any order give the same report")
    func deterministic() throws {
        let facts = try Self.month().map(\.facts)
        let period = try ScoringPeriod("2026-10")
        let a = ScoringEngine.report(for: period, facts: facts, notices: try notices())
        let b = ScoringEngine.report(for: period, facts: facts.reversed(), notices: try notices().reversed())
        #expect(a == b)
        #expect(a.units.map(\.unit) == ["DX", "QX"])
    }

    @Test("ticket facts survive a round trip through JSON, rounds included")
    func factsCodable() throws {
        let facts = try Self.month().map(\.facts)
        let data = try JSONEncoder().encode(facts)
        #expect(try JSONDecoder().decode([TicketFacts].self, from: data) == facts)
        #expect(facts[6].rounds.count == 2)
        #expect(facts[4].rounds.map(\.unit) == ["QX", "DX"])
    }
}
