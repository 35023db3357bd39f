import Foundation
import Testing
import GongdanCore
import GongdanTesting

/// A report without ticket lists (no `--explain`) and one streamed ticket by ticket have exactly the
/// figures of the full report.
@Suite("Scoring without explain, and streamed")
struct ScoringExplainTests {
    let cst = Fixtures.cst

    /// `score` with its ticket lists emptied.
    static func stripped(_ score: UnitScore) -> UnitScore {
        var score = score
        for path in [\UnitScore.onTimeCompletion, \.resolution, \.satisfaction, \.signingTimeliness, \.intakeTimeliness,
                     \.evaluationCoverage] as [WritableKeyPath<UnitScore, Ratio>] {
            score[keyPath: path].numeratorTickets = []
            score[keyPath: path].denominatorTickets = []
        }
        for path in [\UnitScore.returns, \.returnsOverruled, \.unreasonable, \.unreachable] as [WritableKeyPath<UnitScore, Tally>] {
            score[keyPath: path].tickets = []
        }
        return score
    }

    @Test("without explain every count, rate and composite is the full report's and no ticket is listed")
    func countsWithoutExplain() throws {
        // Given October's hand-computed tickets and notices
        let facts = try ScoringMonthTests.month().map(\.facts)
        let notices = try ScoringMonthTests().notices()
        for asOf in [nil, cst("2026-10-18 00:00")] {
            for units in [nil, ["DX", "QX", "ZB"]] as [[String]?] {
                // When the month is scored with and without explain
                let period = try ScoringPeriod("2026-10")
                let full = ScoringEngine.report(for: period, facts: facts, notices: notices, units: units, asOf: asOf)
                let counts = ScoringEngine.report(for: period, facts: facts, notices: notices, units: units, asOf: asOf,
                                                  explain: false)

                // Then the figures agree and only the lists are empty
                #expect(counts.units == full.units.map(Self.stripped))
                #expect(counts.district == Self.stripped(full.district))
                #expect(counts.listedNotices == full.listedNotices)
                #expect(ScoringEngine.ranking(counts).map(\.unit) == ScoringEngine.ranking(full).map(\.unit))
                #expect(full.district.onTimeCompletion.denominatorTickets.count == full.district.onTimeCompletion.denominator)
            }
        }
    }

    @Test("tickets streamed into an accumulator, round by round and in any order, give the engine's report")
    func streamedEqualsEngine() throws {
        // Given October's tickets
        let facts = try ScoringMonthTests.month().map(\.facts)
        let notices = try ScoringMonthTests().notices()
        let period = try ScoringPeriod("2026-10")

        // When they are streamed in reverse, intake first and then each round
        var accumulator = ScoringAccumulator(period: period, asOf: nil)
        for ticket in facts.reversed() {
            accumulator.beginTicket(code: ticket.code, source: ticket.source, createdAt: ticket.createdAt,
                                    createdByUnit: ticket.createdByUnit, intakeDeadline: ticket.intakeDeadline)
            for round in ticket.rounds { accumulator.addRound(ScoringRound(round)) }
        }

        // Then the report is the engine's, ticket lists in code order
        let report = accumulator.report(notices: notices, units: ["DX", "QX"])
        #expect(report == ScoringEngine.report(for: period, facts: facts, notices: notices, units: ["DX", "QX"]))
        let dx = try #require(report.score(of: "DX"))
        #expect(dx.onTimeCompletion.denominatorTickets == dx.onTimeCompletion.denominatorTickets.sorted())
    }
}
