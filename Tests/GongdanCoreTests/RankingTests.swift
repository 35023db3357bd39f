import Foundation
import Testing
import GongdanCore
import GongdanTesting

/// The annual ranking: by composite, ties by unit code, units without figures last.
@Suite("Annual ranking")
struct RankingTests {
    let cst = Fixtures.cst

    /// A ticket of `unit` accepted on time in 2026 and evaluated as given.
    func ticket(_ code: String, unit: String, satisfaction: Satisfaction, resolved: Bool, late: Bool = false) -> TicketFacts {
        var round = TicketState.HandlingRound(kind: .dispatch, unit: unit, startedAt: cst("2026-03-02 09:00"),
                                              signBy: cst("2026-03-04 00:00"), deadline: cst("2026-03-10 00:00"))
        round.signedAt = cst("2026-03-02 10:00")
        round.repliedAt = cst(late ? "2026-03-11 10:00" : "2026-03-05 10:00")
        round.acceptedAt = cst(late ? "2026-03-11 15:00" : "2026-03-05 15:00")
        round.evaluation = Evaluation(satisfaction: satisfaction, resolved: resolved)
        round.evaluatedAt = cst("2026-03-12 10:00")
        round.endedAt = round.evaluatedAt
        return TicketFacts(code: code, category: .help, source: .online, entityName: "商户", summary: "事项",
                           createdAt: cst("2026-03-02 08:00"), status: .closed, closedAt: round.evaluatedAt,
                           closure: .satisfied, rounds: [round])
    }

    func reminder(_ sequence: Int, to unit: String) throws -> IssuedNotice {
        let candidate = NoticeCandidate(unit: unit, trigger: .overdueNotReplied, tickets: ["X-26-\(sequence)"],
                                        findings: "…", finishBy: CivilDate("2026-06-05")!, asOf: cst("2026-06-01 09:00"))
        return candidate.issued(number: try NoticeNumber(district: "港南", year: 2026, sequence: sequence),
                                at: cst("2026-06-01 10:00"))
    }

    @Test("units rank by composite, equal composites by unit code, and units without figures come last")
    func rankingOrder() throws {
        // Given: QX perfect; DX and SCJG equal (one late completion each); ZB equal to them but with a
        // reminder; HB with no ticket at all
        let facts = [
            ticket("QX-1", unit: "QX", satisfaction: .satisfied, resolved: true),
            ticket("SC-1", unit: "SCJG", satisfaction: .satisfied, resolved: true, late: true),
            ticket("DX-1", unit: "DX", satisfaction: .satisfied, resolved: true, late: true),
            ticket("ZB-1", unit: "ZB", satisfaction: .satisfied, resolved: true, late: true),
        ]

        let ranking = try ScoringEngine.annualRanking(year: 2026, facts: facts, notices: [try reminder(1, to: "ZB")],
                                                      units: ["ZB", "SCJG", "HB", "QX", "DX"])

        // Then 100; 90, 90 (DX before SCJG); 89.5; and HB last without a composite
        #expect(ranking.map(\.unit) == ["QX", "DX", "SCJG", "ZB", "HB"])
        #expect(ranking.map(\.position) == [1, 2, 3, 4, 5])
        #expect(ranking.map(\.composite) == [100, 90, 90, 89.5, nil])
    }

    @Test("notice deductions can move a unit below one with worse rates")
    func deductionsReorder() throws {
        let facts = [
            ticket("DX-1", unit: "DX", satisfaction: .satisfied, resolved: true),
            ticket("QX-1", unit: "QX", satisfaction: .basic, resolved: true, late: true),
        ]
        let notices = try (1...25).map { try reminder($0, to: "DX") }

        let ranking = try ScoringEngine.annualRanking(year: 2026, facts: facts, notices: notices)

        // DX: 100 − 25 × 0.5 = 87.5; QX: 100 × (0.5 + 0.4) = 90
        #expect(ranking.map(\.unit) == ["QX", "DX"])
        #expect(ranking.map(\.composite) == [90, 87.5])
    }

    @Test("the weights are configurable: with resolution alone, an unresolved ticket scores 0")
    func customWeights() throws {
        var weights = ScoringWeights()
        weights.onTimeCompletion = 0
        weights.satisfaction = 0
        weights.resolution = 1
        let facts = [ticket("DX-1", unit: "DX", satisfaction: .satisfied, resolved: false)]

        let ranking = try ScoringEngine.annualRanking(year: 2026, facts: facts, weights: weights)

        #expect(ranking.first?.composite == 0)
    }

    @Test("a weights file names only what it changes; unknown fields and negative values are refused")
    func weightsFile() throws {
        let weights = try ScoringWeights.decode(from: Data(#"{"resolution": 0.6, "satisfaction": 0.3}"#.utf8))
        #expect(weights.resolution == 0.6)
        #expect(weights.onTimeCompletion == 0.1)
        #expect(weights.rectificationDeduction == 2)

        #expect(throws: ScoringError.invalidWeights("unknown field 'resolutoin'; the fields are onTimeCompletion, resolution, satisfaction, reminderDeduction, rectificationDeduction, interviewDeduction")) {
            try ScoringWeights.decode(from: Data(#"{"resolutoin": 0.6}"#.utf8))
        }
        #expect(throws: ScoringError.invalidWeights("reminderDeduction is -1.0; give a number of 0 or more")) {
            try ScoringWeights.decode(from: Data(#"{"reminderDeduction": -1}"#.utf8))
        }
        #expect(throws: ScoringError.self) {
            try ScoringWeights.decode(from: Data(#"{"onTimeCompletion": 0, "resolution": 0, "satisfaction": 0}"#.utf8))
        }
    }
}
