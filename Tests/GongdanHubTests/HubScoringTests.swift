import Foundation
import GRDB
import Testing
import GongdanCore
import GongdanTesting
@testable import GongdanStore

/// Reports and supervision computed at the hub equal the pure engines on the same facts.
@Suite("Hub scoring and supervision")
struct HubScoringTests {
    let endOfOctober = Fixtures.cst("2026-10-31 18:00")

    /// A hub with the district's units and the month's facts.
    static func hubWithMonth() throws -> (HubFixture, [TicketState]) {
        let hub = try HubFixture()
        let states = try SupervisedMonth.states()
        try hub.store.db.write { db in
            for state in states { try HubStore.writeFacts(db, state) }
        }
        return (hub, states)
    }

    @Test("the hub's report of a month, a quarter and a year equals ScoringEngine on the same facts")
    func reportEqualsEngine() throws {
        // Given the month's tickets and a notice issued in October
        let (hub, states) = try Self.hubWithMonth()
        defer { hub.remove() }
        let candidate = try NoticeCandidate.interview(unit: "DX", reason: .dereliction, detail: "多次推诿", asOf: Fixtures.cst("2026-10-20 09:00"))
        let notice = try hub.store.issueNotice(candidate, at: Fixtures.cst("2026-10-20 09:00"), by: "督查员")
        let units = try hub.store.units().map(\.code)

        for text in ["2026-10", "2026-Q4", "2026", "2026-09"] {
            // When the hub computes the period's report
            let period = try ScoringPeriod(text)
            let report = try hub.store.scoringReport(period: period, asOf: endOfOctober)

            // Then it equals the engine's on every ticket's facts
            let expected = ScoringEngine.report(for: period, facts: states.map(TicketFacts.init), notices: [notice.issued],
                                                units: units, asOf: endOfOctober)
            #expect(report == expected, "period \(text)")
        }
    }

    @Test("the annual ranking at the hub equals the engine's")
    func rankingEqualsEngine() throws {
        // Given the month's tickets
        let (hub, states) = try Self.hubWithMonth()
        defer { hub.remove() }

        // When the hub ranks 2026
        let ranking = try hub.store.annualRanking(year: 2026, asOf: endOfOctober)

        // Then it is the engine's ranking, DX with its unsatisfied ticket below QX and SCJG
        let expected = try ScoringEngine.annualRanking(year: 2026, facts: states.map(TicketFacts.init),
                                                       units: try hub.store.units().map(\.code), asOf: endOfOctober)
        #expect(ranking == expected)
        #expect(ranking.map(\.unit).count == 3)
    }

    @Test("the hub's report equals the engine's when the period's tickets lie scattered among older ones, with and without ticket lists")
    func scatteredReportEqualsEngine() throws {
        // Given the month's tickets, each written after five tickets of 2025 with no rounds
        let hub = try HubFixture()
        defer { hub.remove() }
        let states = try SupervisedMonth.states()
        let old = Fixtures.cst("2025-03-01 09:00")
        try hub.store.db.write { db in
            for (index, state) in states.enumerated() {
                for filler in 0..<5 {
                    let at = Int64(old.timeIntervalSince1970 * 1000) + Int64(index * 5 + filler) * 3_600_000
                    try db.execute(sql: """
                        INSERT INTO ticket_facts (code, category, source, entity_name, summary, created_at, status,
                            last_event_at, active_until, unsatisfied, max_rejected)
                        VALUES (?, 'help', 'hotline', '经营主体', '反映事项', ?, 'closed', ?, ?, 0, 0)
                        """, arguments: ["OLD-\(index)-\(filler)", at, at, at])
                }
                try HubStore.writeFacts(db, state)
            }
        }
        let units = try hub.store.units().map(\.code)

        for text in ["2026-10", "2026-Q4", "2026"] {
            // When the hub computes the period's report, with and without the tickets behind each figure
            let period = try ScoringPeriod(text)
            let full = try hub.store.scoringReport(period: period, asOf: endOfOctober, weights: nil)
            let counts = try hub.store.scoringReport(period: period, asOf: endOfOctober, weights: nil, explain: false)

            // Then both equal the engine's on the month's facts alone
            let facts = states.map(TicketFacts.init)
            #expect(full == ScoringEngine.report(for: period, facts: facts, units: units, asOf: endOfOctober), "period \(text)")
            #expect(counts == ScoringEngine.report(for: period, facts: facts, units: units, asOf: endOfOctober, explain: false),
                    "period \(text)")
        }
    }

    @Test("stored weights change the composite, and a weights argument overrides them")
    func storedWeights() throws {
        // Given the month's tickets and weights that count only satisfaction
        let (hub, _) = try Self.hubWithMonth()
        defer { hub.remove() }
        var weights = ScoringWeights()
        weights.onTimeCompletion = 0
        weights.resolution = 0
        weights.satisfaction = 1
        var settings = try hub.store.supervisionSettings()
        settings.weights = weights
        try hub.store.saveSupervisionSettings(settings)

        // When October is scored with the stored weights and with the defaults
        let stored = try hub.store.scoringReport(period: try ScoringPeriod("2026-10"), asOf: endOfOctober)
        let defaults = try hub.store.scoringReport(period: try ScoringPeriod("2026-10"), asOf: endOfOctober, weights: .default)

        // Then QX, all satisfied, scores 100 with the stored weights only
        #expect(stored.weights == weights)
        #expect(stored.score(of: "QX")?.composite == 100)
        #expect(defaults.weights == .default)
    }

    @Test("the hub's candidates equal SupervisionEngine on the same facts, and issued ones are not proposed again")
    func candidatesEqualEngine() throws {
        // Given the month's tickets
        let (hub, states) = try Self.hubWithMonth()
        defer { hub.remove() }

        // When the hub looks for notices due at the end of October
        let candidates = try hub.store.noticeCandidates(asOf: endOfOctober)

        // Then they are the engine's, with each trigger of the month present
        let expected = SupervisionEngine.candidates(facts: states.map(TicketFacts.init), asOf: endOfOctober)
        #expect(candidates == expected)
        let triggers = Set(candidates.map(\.trigger))
        #expect(triggers.isSuperset(of: [.overdueNotReplied, .unsignedPastLimit, .nonStandardReplies, .unsatisfiedTwice]))

        // When they are all issued
        for candidate in candidates {
            try hub.store.issueNotice(candidate, at: endOfOctober, by: "督查员")
        }

        // Then none is due any more, and issuing one again is refused
        #expect(try hub.store.noticeCandidates(asOf: endOfOctober).isEmpty)
        #expect(throws: HubStoreError.self) {
            try hub.store.issueNotice(candidates[0], at: endOfOctober, by: "督查员")
        }
    }
}
