import Foundation

/// Computes the supervision notices due (DESIGN §3) from ticket facts as of a time. Pure and
/// deterministic: the same facts, time, thresholds and issued keys always give the same candidates in
/// the same order (by level, unit, trigger, tickets).
///
/// | trigger | level | addressed to |
/// | --- | --- | --- |
/// | ``NoticeTrigger/unsignedPastLimit`` | reminder | the unit that held dispatches unsigned at their signing limit |
/// | ``NoticeTrigger/overdueNotReplied`` | reminder | the ticket's current lead |
/// | ``NoticeTrigger/repeatedReport`` | reminder | the unit answerable for the earlier ticket |
/// | ``NoticeTrigger/returnsOverruled`` | rectification | the unit whose returns were overruled |
/// | ``NoticeTrigger/unsatisfiedTwice`` | rectification | the unit whose reply drew the evaluation that reached the threshold |
/// | ``NoticeTrigger/nonStandardReplies`` | rectification | the unit whose replies on the ticket were rejected |
///
/// Interview notices are never computed: the office writes them with ``NoticeCandidate/interview(unit:reason:detail:tickets:asOf:thresholds:calendar:)``.
///
/// A candidate whose ``NoticeKey`` is among the issued keys is not proposed again; for the triggers that
/// count a unit's lapses across tickets (unsigned, overruled returns), a ticket already cited in an
/// issued notice of that trigger for that unit no longer counts.
///
/// ```swift
/// let asOf = CivilDate("2026-10-20")!.startInChinaStandardTime
/// let candidates = SupervisionEngine.candidates(histories: histories, asOf: asOf,
///                                               issued: Set(issuedNotices.map(\.key)))
/// ```
public enum SupervisionEngine {
    /// The candidates from ticket facts that describe the tickets as they stood at `asOf` (build them
    /// from states folded with ``TicketFold/fold(_:asOf:)``, or use ``candidates(histories:asOf:thresholds:calendar:issued:)``).
    public static func candidates(facts: [TicketFacts], asOf: Date, thresholds: SupervisionThresholds = .default,
                                  calendar: WorkingDayCalendar = .official,
                                  issued: Set<NoticeKey> = []) -> [NoticeCandidate] {
        let finishBy = finishBy(asOf: asOf, thresholds: thresholds, calendar: calendar)
        let sorted = facts.sorted { ($0.createdAt, $0.code) < ($1.createdAt, $1.code) }
        var found: [(unit: String, trigger: NoticeTrigger, tickets: [String], findings: String)] = []
        found += unsignedPastLimit(sorted, asOf: asOf, thresholds: thresholds, issued: issued)
        found += overdueNotReplied(sorted, asOf: asOf, thresholds: thresholds, calendar: calendar)
        found += repeatedReports(sorted, asOf: asOf, thresholds: thresholds)
        found += returnsOverruled(sorted, asOf: asOf, thresholds: thresholds, issued: issued)
        found += unsatisfiedTwice(sorted, asOf: asOf, thresholds: thresholds)
        found += nonStandardReplies(sorted, thresholds: thresholds)
        return found
            .map { NoticeCandidate(unit: $0.unit, trigger: $0.trigger, tickets: $0.tickets, findings: $0.findings,
                                   finishBy: finishBy, asOf: asOf) }
            .filter { !issued.contains($0.key) }
            .sorted { ($0.level, $0.unit, $0.key) < ($1.level, $1.unit, $1.key) }
    }

    /// The candidates from folded ticket states (fold them as of `asOf`).
    public static func candidates(states: [TicketState], asOf: Date, thresholds: SupervisionThresholds = .default,
                                  calendar: WorkingDayCalendar = .official,
                                  issued: Set<NoticeKey> = []) -> [NoticeCandidate] {
        candidates(facts: states.map(TicketFacts.init), asOf: asOf, thresholds: thresholds, calendar: calendar,
                   issued: issued)
    }

    /// The candidates from whole ticket histories, each folded as of `asOf` (events later than `asOf`
    /// are left out, so a past `asOf` shows what supervision would have found then).
    public static func candidates(histories: [[TicketEvent]], asOf: Date,
                                  thresholds: SupervisionThresholds = .default,
                                  calendar: WorkingDayCalendar = .official,
                                  issued: Set<NoticeKey> = []) -> [NoticeCandidate] {
        candidates(states: histories.compactMap { TicketFold.fold($0, asOf: asOf) }, asOf: asOf,
                   thresholds: thresholds, calendar: calendar, issued: issued)
    }

    /// The date to finish by: ``SupervisionThresholds/finishWithinWorkingDays`` working days after the
    /// as-of date (China Standard Time); the as-of date itself never counts, as for deadlines.
    public static func finishBy(asOf: Date, thresholds: SupervisionThresholds = .default,
                                calendar: WorkingDayCalendar = .official) -> CivilDate {
        calendar.workingDay(thresholds.finishWithinWorkingDays, after: CivilDate.inChinaStandardTime(asOf))
    }

    // MARK: - Reminders

    private typealias Found = (unit: String, trigger: NoticeTrigger, tickets: [String], findings: String)

    /// Tickets already cited, per unit, in issued notices of `trigger`.
    private static func cited(_ issued: Set<NoticeKey>, _ trigger: NoticeTrigger) -> [String: Set<String>] {
        var cited: [String: Set<String>] = [:]
        for key in issued where key.trigger == trigger { cited[key.unit, default: []].formUnion(key.tickets) }
        return cited
    }

    /// A round was held unsigned at its signing limit: not signed and not ended (returned or taken
    /// back) strictly before the limit, and the limit has passed at `asOf`.
    static func missedSigning(_ round: TicketState.HandlingRound, asOf: Date) -> Bool {
        guard let signBy = round.signBy, signBy <= asOf else { return false }
        return (round.signedAt ?? .distantFuture) >= signBy && (round.endedAt ?? .distantFuture) >= signBy
    }

    private static func unsignedPastLimit(_ facts: [TicketFacts], asOf: Date, thresholds: SupervisionThresholds,
                                          issued: Set<NoticeKey>) -> [Found] {
        let cited = cited(issued, .unsignedPastLimit)
        let windowStart = asOf.addingTimeInterval(-Double(thresholds.unsignedWindowDays) * 86_400)
        var misses: [String: [(code: String, signBy: Date)]] = [:]
        for ticket in facts {
            for round in ticket.rounds where missedSigning(round, asOf: asOf) {
                guard let signBy = round.signBy, signBy >= windowStart,
                      cited[round.unit]?.contains(ticket.code) != true else { continue }
                misses[round.unit, default: []].append((ticket.code, signBy))
            }
        }
        return misses.keys.sorted().compactMap { unit in
            let list = misses[unit]!.sorted { ($0.signBy, $0.code) < ($1.signBy, $1.code) }
            guard list.count >= thresholds.unsignedPastLimitTimes else { return nil }
            return (unit, .unsignedPastLimit, list.map(\.code), NoticeFindings.unsignedPastLimit(list, asOf: asOf))
        }
    }

    private static func overdueNotReplied(_ facts: [TicketFacts], asOf: Date, thresholds: SupervisionThresholds,
                                          calendar: WorkingDayCalendar) -> [Found] {
        facts.compactMap { ticket in
            guard let unit = ticket.lead, let deadline = ticket.deadline, ticket.isOverdue(at: asOf) else { return nil }
            let lastDay = NoticeFindings.lastDay(of: deadline)
            let grace = calendar.workingDay(thresholds.overdueAfterWorkingDays, after: lastDay).endInChinaStandardTime
            let due = thresholds.overdueAfterWorkingDays == 0 ? deadline : grace
            guard asOf >= due else { return nil }
            let late = calendar.workingDays(from: lastDay.adding(days: 1), through: CivilDate.inChinaStandardTime(asOf))
            return (unit, .overdueNotReplied, [ticket.code],
                    NoticeFindings.overdue(ticket, workingDaysLate: late, asOf: asOf))
        }
    }

    /// Each later report is grouped under the earliest ticket of the same entity and matter that had
    /// reached a unit before it came in, within the window, and was then open or had closed unresolved.
    private static func repeatedReports(_ facts: [TicketFacts], asOf: Date, thresholds: SupervisionThresholds) -> [Found] {
        // Bucket by entity name and by credit code, so only plausible pairs are compared.
        func clean(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespaces).uppercased(), !text.isEmpty else { return nil }
            return text
        }
        var byName: [String: [Int]] = [:], byCredit: [String: [Int]] = [:]
        for (index, ticket) in facts.enumerated() {
            if let name = clean(ticket.entityName) { byName[name, default: []].append(index) }
            if let credit = clean(ticket.creditCode) { byCredit[credit, default: []].append(index) }
        }
        let window = Double(thresholds.repeatedReportWindowDays) * 86_400
        var groups: [Int: [Int]] = [:]
        for (laterIndex, later) in facts.enumerated() where later.createdAt <= asOf {
            let pool = Set((clean(later.entityName).flatMap { byName[$0] } ?? [])
                           + (clean(later.creditCode).flatMap { byCredit[$0] } ?? []))
            let earliest = pool.sorted().first { earlierIndex in
                let earlier = facts[earlierIndex]
                guard earlierIndex < laterIndex, earlier.mergedInto == nil, earlier.createdAt < later.createdAt,
                      later.createdAt.timeIntervalSince(earlier.createdAt) <= window,
                      let reached = earlier.rounds.first?.startedAt, reached < later.createdAt,
                      ConflictDetector.sameEntity(name: earlier.entityName, creditCode: earlier.creditCode,
                                                  asName: later.entityName, creditCode: later.creditCode),
                      MatterSimilarity.score(earlier.summary, later.summary) >= thresholds.matterSimilarity
                else { return false }
                return isOpenOrUnresolved(earlier, at: later.createdAt)
            }
            if let earliest { groups[earliest, default: []].append(laterIndex) }
        }
        return groups.keys.sorted().compactMap { earlierIndex in
            let earlier = facts[earlierIndex]
            let later = groups[earlierIndex]!.map { facts[$0] }
            guard later.count >= thresholds.repeatedReportTimes, let unit = earlier.answerableUnit else { return nil }
            let open = earlier.closedAt.map { $0 > later[0].createdAt } ?? true
            return (unit, .repeatedReport, [earlier.code] + later.map(\.code),
                    NoticeFindings.repeatedReport(earlier: earlier, later: later, open: open))
        }
    }

    /// Open at `instant`, or closed before it without the entity saying the matter was resolved
    /// (a demand closed as unreasonable does not count).
    private static func isOpenOrUnresolved(_ ticket: TicketFacts, at instant: Date) -> Bool {
        guard let closedAt = ticket.closedAt, closedAt <= instant else { return true }
        if ticket.status == .merged || ticket.closure == .unreasonable { return false }
        return ticket.lastEvaluationResolved != true
    }

    // MARK: - Rectifications

    private static func returnsOverruled(_ facts: [TicketFacts], asOf: Date, thresholds: SupervisionThresholds,
                                         issued: Set<NoticeKey>) -> [Found] {
        let cited = cited(issued, .returnsOverruled)
        let windowStart = asOf.addingTimeInterval(-Double(thresholds.returnsOverruledWindowDays) * 86_400)
        var overrules: [String: [(code: String, returnedAt: Date, redispatchedAt: Date)]] = [:]
        for ticket in facts {
            for (round, next) in zip(ticket.rounds, ticket.rounds.dropFirst()) {
                guard let returnedAt = round.returnedAt, next.unit == round.unit, next.startedAt <= asOf,
                      next.startedAt >= windowStart, cited[round.unit]?.contains(ticket.code) != true
                else { continue }
                overrules[round.unit, default: []].append((ticket.code, returnedAt, next.startedAt))
            }
        }
        return overrules.keys.sorted().compactMap { unit in
            let list = overrules[unit]!.sorted { ($0.redispatchedAt, $0.code) < ($1.redispatchedAt, $1.code) }
            guard list.count >= thresholds.returnsOverruledTimes else { return nil }
            return (unit, .returnsOverruled, list.map(\.code), NoticeFindings.returnsOverruled(list, asOf: asOf))
        }
    }

    private static func unsatisfiedTwice(_ facts: [TicketFacts], asOf: Date, thresholds: SupervisionThresholds) -> [Found] {
        facts.compactMap { ticket in
            let unsatisfied = ticket.rounds.filter {
                $0.evaluation?.satisfaction == .unsatisfied && ($0.evaluatedAt ?? .distantFuture) <= asOf
            }
            guard unsatisfied.count >= thresholds.unsatisfiedTimes else { return nil }
            let reaching = unsatisfied[max(thresholds.unsatisfiedTimes, 1) - 1]
            return (reaching.unit, .unsatisfiedTwice, [ticket.code],
                    NoticeFindings.unsatisfied(ticket, evaluations: unsatisfied.compactMap(\.evaluatedAt)))
        }
    }

    private static func nonStandardReplies(_ facts: [TicketFacts], thresholds: SupervisionThresholds) -> [Found] {
        facts.flatMap { ticket in
            var rejected: [String: Int] = [:]
            for round in ticket.rounds { rejected[round.unit, default: 0] += round.rejectedReplies }
            return rejected.keys.sorted().compactMap { unit -> Found? in
                guard rejected[unit]! >= thresholds.nonStandardReplyTimes else { return nil }
                return (unit, .nonStandardReplies, [ticket.code], NoticeFindings.nonStandard(ticket, rejected: rejected[unit]!))
            }
        }
    }
}
