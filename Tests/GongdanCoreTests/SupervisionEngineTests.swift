import Foundation
import Testing
import GongdanCore
import GongdanTesting

/// DESIGN §3: each trigger of the supervision engine, firing at its threshold and not below it.
/// Dispatches on Monday 2026-10-12 must be signed by the end of Tuesday 10-13; a help ticket is due
/// by the end of Monday 10-19 (5 working days).
@Suite("Supervision engine")
struct SupervisionEngineTests {
    let cst = Fixtures.cst

    func candidates(_ desks: [TicketDesk], asOf: String, thresholds: SupervisionThresholds = .default,
                    issued: Set<NoticeKey> = []) -> [NoticeCandidate] {
        SupervisionEngine.candidates(histories: desks.map(\.events), asOf: cst(asOf), thresholds: thresholds,
                                     issued: issued)
    }

    /// A help ticket dispatched to `unit` on Monday 10-12 09:00.
    func dispatched(_ number: Int, to unit: String = "DX", summary: String? = nil, entity: String? = nil) throws -> TicketDesk {
        var desk = try TicketDesk("WS-26-000\(number)", entity: entity ?? "商户\(number)号",
                                  summary: summary ?? "第\(number)件事项：门前排水沟堵塞", received: "2026-10-11 16:00",
                                  created: "2026-10-12 08:00")
        try desk.dispatch(to: unit, "2026-10-12 09:00")
        return desk
    }

    // MARK: Unsigned past the signing limit

    @Test("two dispatches left unsigned past their limit bring the unit a reminder letter")
    func unsignedTwiceFires() throws {
        // Given DX never signs one ticket and signs another a day late
        let first = try dispatched(1)
        var second = try dispatched(2)
        try second.sign("DX", "2026-10-14 10:00")

        // When supervision runs on Thursday morning
        let found = candidates([first, second], asOf: "2026-10-15 09:00")

        // Then one reminder goes to DX resting on both tickets, with 3 working days to finish
        let unsigned = found.filter { $0.trigger == .unsignedPastLimit }
        #expect(unsigned.count == 1)
        #expect(unsigned.first?.level == .reminder)
        #expect(unsigned.first?.unit == "DX")
        #expect(unsigned.first?.tickets == ["WS-26-0001", "WS-26-0002"])
        #expect(unsigned.first?.findings.contains("2次未在签收时限内签收") == true)
        #expect(unsigned.first?.finishBy == CivilDate("2026-10-20"))
    }

    @Test("one dispatch unsigned past its limit, and one signed just in time, bring no reminder")
    func unsignedOnceDoesNotFire() throws {
        // Given DX signs the second ticket at 23:59 on the last day of its limit
        let first = try dispatched(1)
        var second = try dispatched(2)
        try second.sign("DX", "2026-10-13 23:59")

        let found = candidates([first, second], asOf: "2026-10-15 09:00")

        #expect(found.filter { $0.trigger == .unsignedPastLimit }.isEmpty)
    }

    @Test("a signing limit that has not yet passed is no lapse")
    func unsignedBeforeTheLimitDoesNotFire() throws {
        let found = candidates([try dispatched(1), try dispatched(2)], asOf: "2026-10-13 23:59")
        #expect(found.filter { $0.trigger == .unsignedPastLimit }.isEmpty)
    }

    @Test("a lapse already cited in an issued reminder does not count again")
    func citedLapsesDoNotCountAgain() throws {
        // Given a reminder was issued for tickets 1 and 2, and DX then leaves ticket 3 unsigned
        let issued: Set<NoticeKey> = [NoticeKey(unit: "DX", trigger: .unsignedPastLimit, tickets: ["WS-26-0001", "WS-26-0002"])]
        let desks = [try dispatched(1), try dispatched(2), try dispatched(3)]

        let found = candidates(desks, asOf: "2026-10-15 09:00", issued: issued)

        // Then one new lapse is below the threshold: nothing is proposed
        #expect(found.filter { $0.trigger == .unsignedPastLimit }.isEmpty)
        // And with a threshold of 1 the new lapse alone is proposed
        var one = SupervisionThresholds()
        one.unsignedPastLimitTimes = 1
        let alone = candidates(desks, asOf: "2026-10-15 09:00", thresholds: one, issued: issued)
        #expect(alone.filter { $0.trigger == .unsignedPastLimit }.map(\.tickets) == [["WS-26-0003"]])
    }

    @Test("lapses older than the counting window no longer add up")
    func unsignedWindow() throws {
        let desks = [try dispatched(1), try dispatched(2)]

        // 30 days after the limits ended (10-13 24:00) they still count; a minute later they do not
        let inside = candidates(desks, asOf: "2026-11-13 00:00")
        let outside = candidates(desks, asOf: "2026-11-13 00:01")

        #expect(inside.contains { $0.trigger == .unsignedPastLimit })
        #expect(!outside.contains { $0.trigger == .unsignedPastLimit })
    }

    @Test("the date to finish by counts working days after the as-of date, skipping the National Day holiday")
    func finishByAcrossHolidays() {
        // Wednesday 2026-09-30: 10-01 … 10-07 are off; 10-08, 10-09 and the make-up Saturday 10-10 are worked.
        #expect(SupervisionEngine.finishBy(asOf: cst("2026-09-30 09:00")) == CivilDate("2026-10-10"))
        var five = SupervisionThresholds()
        five.finishWithinWorkingDays = 5
        #expect(SupervisionEngine.finishBy(asOf: cst("2026-09-30 09:00"), thresholds: five) == CivilDate("2026-10-13"))
    }

    // MARK: Overdue and not replied

    @Test("a ticket not replied by its deadline brings its lead a reminder from the deadline's end")
    func overdueFiresAtTheDeadline() throws {
        var desk = try dispatched(1)
        try desk.sign("DX", "2026-10-12 10:00")

        let before = candidates([desk], asOf: "2026-10-19 23:59")
        let after = candidates([desk], asOf: "2026-10-20 00:00")

        #expect(before.filter { $0.trigger == .overdueNotReplied }.isEmpty)
        let overdue = try #require(after.first { $0.trigger == .overdueNotReplied })
        #expect(overdue.unit == "DX")
        #expect(overdue.tickets == ["WS-26-0001"])
        #expect(overdue.findings.contains("办结期限为2026年10月19日"))
    }

    @Test("with a grace of one working day the overdue reminder waits a working day more")
    func overdueGrace() throws {
        var desk = try dispatched(1)
        try desk.sign("DX", "2026-10-12 10:00")
        var thresholds = SupervisionThresholds()
        thresholds.overdueAfterWorkingDays = 1

        #expect(candidates([desk], asOf: "2026-10-20 23:59", thresholds: thresholds).isEmpty)
        #expect(candidates([desk], asOf: "2026-10-21 00:00", thresholds: thresholds).map(\.trigger) == [.overdueNotReplied])
    }

    @Test("a ticket replied before its deadline is not overdue while the reply waits for review")
    func repliedIsNotOverdue() throws {
        var desk = try dispatched(1)
        try desk.sign("DX", "2026-10-12 10:00")
        try desk.reply("DX", "2026-10-16 10:00")

        #expect(candidates([desk], asOf: "2026-10-21 09:00").isEmpty)
    }

    // MARK: Repeated report of the same matter

    @Test("the same entity reporting the same matter while the earlier ticket is open brings a reminder")
    func repeatedReportWhileOpenFires() throws {
        // Given ticket 1 is with DX, and the same shop calls again about the same road works
        var earlier = try TicketDesk("WS-26-0001", summary: "门店前道路施工三个月未完工，影响经营",
                                     received: "2026-10-11 16:00", created: "2026-10-12 08:00")
        try earlier.dispatch(to: "DX", "2026-10-12 09:00")
        try earlier.sign("DX", "2026-10-12 10:00")
        let again = try TicketDesk("WS-26-0002", summary: "门店前道路施工三个月还没完工，影响经营",
                                   received: "2026-10-15 16:00", created: "2026-10-16 08:00")

        let found = candidates([earlier, again], asOf: "2026-10-16 09:00")

        let repeated = try #require(found.first { $0.trigger == .repeatedReport })
        #expect(repeated.unit == "DX")
        #expect(repeated.tickets == ["WS-26-0001", "WS-26-0002"])
        #expect(repeated.findings.contains("办理期间再次反映同一事项1次"))
    }

    @Test("another matter, another entity, or a report before the first ticket reached a unit is no repeat")
    func repeatedReportDoesNotFire() throws {
        var earlier = try TicketDesk("WS-26-0001", received: "2026-10-11 16:00", created: "2026-10-12 08:00")
        try earlier.dispatch(to: "DX", "2026-10-12 09:00")
        try earlier.sign("DX", "2026-10-12 10:00")
        let otherMatter = try TicketDesk("WS-26-0002", summary: "申请办理食品经营许可证",
                                         received: "2026-10-15 16:00", created: "2026-10-16 08:00")
        let otherEntity = try TicketDesk("WS-26-0003", entity: "港南区新华书店",
                                         received: "2026-10-15 16:00", created: "2026-10-16 08:00")
        // Taken in the same morning, before ticket 1 was dispatched: a duplicate intake, not a repeat.
        let sameMorning = try TicketDesk("WS-26-0004", received: "2026-10-11 17:00", created: "2026-10-12 08:30")

        let found = candidates([earlier, otherMatter, otherEntity, sameMorning], asOf: "2026-10-16 09:00")

        #expect(found.filter { $0.trigger == .repeatedReport }.isEmpty)
    }

    @Test("reporting again after the earlier ticket closed resolved is no repeat; closed unresolved is")
    func repeatedReportAfterClosure() throws {
        func closed(resolved: Bool) throws -> [TicketDesk] {
            var earlier = try TicketDesk("WS-26-0001", received: "2026-10-11 16:00", created: "2026-10-12 08:00")
            try earlier.dispatch(to: "DX", "2026-10-12 09:00")
            try earlier.sign("DX", "2026-10-12 10:00")
            try earlier.complete("DX", replied: "2026-10-13 10:00", accepted: "2026-10-13 15:00")
            try earlier.evaluate(.basic, resolved: resolved, "2026-10-14 10:00")
            let again = try TicketDesk("WS-26-0002", received: "2026-10-19 16:00", created: "2026-10-20 08:00")
            return [earlier, again]
        }

        let afterResolved = candidates(try closed(resolved: true), asOf: "2026-10-20 09:00")
        let afterUnresolved = candidates(try closed(resolved: false), asOf: "2026-10-20 09:00")

        #expect(afterResolved.filter { $0.trigger == .repeatedReport }.isEmpty)
        let repeated = try #require(afterUnresolved.first { $0.trigger == .repeatedReport })
        #expect(repeated.unit == "DX")
        #expect(repeated.findings.contains("办结后问题未解决"))
    }

    // MARK: Returns overruled

    /// Ticket `number`: DX returns it, and the workstation dispatches it back to `redispatchTo`.
    func returned(_ number: Int, redispatchTo unit: String) throws -> TicketDesk {
        var desk = try dispatched(number)
        try desk.giveBack("DX", "2026-10-12 10:00")
        try desk.dispatch(to: unit, "2026-10-12 11:00")
        return desk
    }

    @Test("two returns overruled bring the unit a rectification notice for buck-passing")
    func overruledTwiceFires() throws {
        let desks = [try returned(1, redispatchTo: "DX"), try returned(2, redispatchTo: "DX")]

        let found = candidates(desks, asOf: "2026-10-12 12:00")

        let overruled = try #require(found.first { $0.trigger == .returnsOverruled })
        #expect(overruled.level == .rectification)
        #expect(overruled.unit == "DX")
        #expect(overruled.tickets == ["WS-26-0001", "WS-26-0002"])
        #expect(overruled.findings.contains("推诿扯皮"))
    }

    @Test("one return overruled, and a return re-dispatched to another unit, bring no rectification")
    func overruledOnceDoesNotFire() throws {
        let desks = [try returned(1, redispatchTo: "DX"), try returned(2, redispatchTo: "QX")]

        let found = candidates(desks, asOf: "2026-10-12 12:00")

        #expect(found.filter { $0.trigger == .returnsOverruled }.isEmpty)
    }

    // MARK: Unsatisfied twice

    /// Ticket 1 handled by DX, evaluated unsatisfied (reasonable), and — when `again` — sent for a
    /// second dispatch to DX and evaluated unsatisfied again.
    func unsatisfied(again: Bool, reasonable: Bool = true) throws -> TicketDesk {
        var desk = try dispatched(1)
        try desk.sign("DX", "2026-10-12 10:00")
        try desk.complete("DX", replied: "2026-10-13 10:00", accepted: "2026-10-13 15:00")
        try desk.evaluate(.unsatisfied, resolved: false, reasonable: reasonable, "2026-10-14 10:00")
        guard again else { return desk }
        try desk.dispatch(to: "DX", "2026-10-14 11:00")
        try desk.sign("DX", "2026-10-14 12:00")
        try desk.complete("DX", replied: "2026-10-16 10:00", accepted: "2026-10-16 15:00")
        try desk.evaluate(.unsatisfied, resolved: false, "2026-10-19 10:00")
        return desk
    }

    @Test("a ticket evaluated unsatisfied twice brings the unit a rectification notice")
    func unsatisfiedTwiceFires() throws {
        let found = candidates([try unsatisfied(again: true)], asOf: "2026-10-19 11:00")

        let notice = try #require(found.first { $0.trigger == .unsatisfiedTwice })
        #expect(notice.level == .rectification)
        #expect(notice.unit == "DX")
        #expect(notice.findings.contains("2次不满意（2026年10月14日、2026年10月19日）"))
    }

    @Test("one unsatisfied evaluation, reasonable or not, brings no rectification notice")
    func unsatisfiedOnceDoesNotFire() throws {
        #expect(candidates([try unsatisfied(again: false)], asOf: "2026-10-14 11:00").isEmpty)
        #expect(candidates([try unsatisfied(again: false, reasonable: false)], asOf: "2026-10-14 11:00").isEmpty)
    }

    // MARK: Non-standard replies

    /// Ticket `number`: DX's reply is rejected `times` times.
    func rejected(times: Int, number: Int = 1) throws -> TicketDesk {
        var desk = try dispatched(number)
        try desk.sign("DX", "2026-10-12 10:00")
        for day in 0..<times {
            try desk.reply("DX", "2026-10-1\(3 + day) 10:00")
            try desk.reject("2026-10-1\(3 + day) 15:00")
        }
        return desk
    }

    @Test("two replies on one ticket rejected as non-standard bring the unit a rectification notice")
    func nonStandardTwiceFires() throws {
        let found = candidates([try rejected(times: 2)], asOf: "2026-10-15 09:00")

        let notice = try #require(found.first { $0.trigger == .nonStandardReplies })
        #expect(notice.unit == "DX")
        #expect(notice.tickets == ["WS-26-0001"])
        #expect(notice.findings.contains("2次被审核为办结不规范"))
    }

    @Test("one reply rejected as non-standard brings no rectification notice")
    func nonStandardOnceDoesNotFire() throws {
        #expect(candidates([try rejected(times: 1)], asOf: "2026-10-15 09:00").isEmpty)
    }

    // MARK: Determinism, as-of, issued notices

    @Test("the candidates are the same whatever order the tickets come in, and none repeats an issued notice")
    func deterministicAndNoRepeats() throws {
        let desks = [try returned(1, redispatchTo: "DX"), try returned(2, redispatchTo: "DX"), try rejected(times: 2, number: 3)]
        let forward = candidates(desks, asOf: "2026-10-21 09:00")
        let backward = candidates(desks.reversed(), asOf: "2026-10-21 09:00")

        #expect(Set(forward.map(\.trigger)) == [.unsignedPastLimit, .overdueNotReplied, .returnsOverruled, .nonStandardReplies])
        #expect(forward == backward)
        #expect(forward.map(\.level) == forward.map(\.level).sorted())
        let issued = Set(forward.map(\.key))
        #expect(candidates(desks, asOf: "2026-10-21 09:00", issued: issued).isEmpty)
    }

    @Test("histories are judged as of the time given: later events are left out")
    func asOfFoldLeavesOutLaterEvents() throws {
        // Given DX signed ticket 1 on Wednesday, a day late, and never signed ticket 2
        var late = try dispatched(1)
        try late.sign("DX", "2026-10-14 10:00")
        let never = try dispatched(2)

        // When judged on Tuesday evening, then on Wednesday after the signature
        let tuesday = TicketFold.fold(late.events, asOf: cst("2026-10-13 20:00"))
        let wednesday = candidates([late, never], asOf: "2026-10-14 11:00")

        // Then on Tuesday evening the ticket is still waiting for signature; on Wednesday both lapses count
        #expect(tuesday?.status == .pendingSign)
        #expect(TicketFold.fold(late.events, asOf: cst("2026-10-12 07:00")) == nil)
        #expect(wednesday.first { $0.trigger == .unsignedPastLimit }?.tickets == ["WS-26-0001", "WS-26-0002"])
    }

    // MARK: Manual interview notices

    @Test("an interview notice is written by hand with its reason and the facts")
    func manualInterview() throws {
        let notice = try NoticeCandidate.interview(unit: "DX", reason: .retaliation, detail: "经办人员向反映人施压要求撤回投诉",
                                                   tickets: ["WS-26-0001"], asOf: cst("2026-10-20 09:00"))

        #expect(notice.level == .interview)
        #expect(notice.trigger == .manualInterview)
        #expect(notice.interviewReason == .retaliation)
        #expect(notice.findings == "贵单位存在打击报复情形：经办人员向反映人施压要求撤回投诉（涉及工单：WS-26-0001）。")
        #expect(notice.finishBy == CivilDate("2026-10-23"))
    }

    @Test("an interview notice without facts or without a unit is refused, saying what to give")
    func manualInterviewRefused() {
        #expect(throws: SupervisionError.self) {
            try NoticeCandidate.interview(unit: "DX", reason: .fraud, detail: "  ", asOf: cst("2026-10-20 09:00"))
        }
        do {
            _ = try NoticeCandidate.interview(unit: "", reason: .fraud, detail: "伪造回访记录", asOf: cst("2026-10-20 09:00"))
            Issue.record("an interview notice without a unit was accepted")
        } catch {
            #expect(error.description.contains("--unit"))
        }
    }

    @Test("issuing a candidate gives a numbered notice whose key is the candidate's")
    func issuing() throws {
        let candidate = try NoticeCandidate.interview(unit: "DX", reason: .fraud, detail: "伪造回访记录", asOf: cst("2026-10-20 09:00"))
        let number = try NoticeNumber(district: "港南", year: 2026, sequence: 12)

        let notice = candidate.issued(number: number, at: cst("2026-10-20 10:00"))

        #expect(notice.key == candidate.key)
        #expect(notice.number.description == "港南督〔2026〕12号")
        let json = try JSONEncoder().encode(notice)
        #expect(try JSONDecoder().decode(IssuedNotice.self, from: json) == notice)
    }
}
