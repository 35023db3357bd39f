import Foundation
import GRDB
import Testing
import GongdanCore
import GongdanTesting
@testable import GongdanStore

/// The hub's daily scoring sums: kept exact as tickets change, and a period summed from them equals
/// the engine reading every ticket.
@Suite("Daily scoring sums")
struct ScoringDaysTests {
    /// Every row of `scoring_days`, as text, in key order.
    static func sums(_ hub: HubFixture) throws -> [String] {
        try hub.store.db.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM scoring_days ORDER BY day, unit").map(\.description)
        }
    }

    @Test("summed from the days, a period's counts equal the engine's for every period and judging instant, partial days included")
    func summedCountsEqualEngine() throws {
        // Given the month's tickets at a hub
        let (hub, states) = try HubScoringTests.hubWithMonth()
        defer { hub.remove() }
        let facts = states.map(TicketFacts.init)
        let units = try hub.store.units().map(\.code)
        let instants = ["2026-10-31 18:00", "2026-11-01 00:00", "2026-11-01 00:01", "2026-11-15 13:37", "2026-12-31 23:59",
                        "2027-01-01 00:00"].map(Fixtures.cst)
        for asOf in instants {
            for text in ["2026-09", "2026-10", "2026-11", "2026-Q4", "2026"] {
                // When the hub sums the period from its days, judged then
                let period = try ScoringPeriod(text)
                var accumulator = ScoringAccumulator(period: period, asOf: asOf, explain: false)
                let summed = try hub.store.db.read { db in
                    try HubStore.accumulateScoringFromDays(db, into: &accumulator, asOf: asOf)
                }

                // Then the days were usable (nothing happened after then) and the counts are the engine's
                #expect(summed, "period \(text) as of \(asOf)")
                let expected = ScoringEngine.report(for: period, facts: facts, units: units, asOf: asOf, explain: false)
                #expect(accumulator.report(units: units) == expected, "period \(text) as of \(asOf)")
            }
        }
    }

    @Test("judged before the hub's latest event, the report reads every ticket instead and still equals the engine's")
    func earlierInstantReadsTickets() throws {
        // Given the month's tickets, the last of them evaluated on 2026-10-09
        let (hub, states) = try HubScoringTests.hubWithMonth()
        defer { hub.remove() }
        let asOf = Fixtures.cst("2026-10-05 12:00")
        let period = try ScoringPeriod("2026-10")

        // When the month is judged before that
        var accumulator = ScoringAccumulator(period: period, asOf: asOf, explain: false)
        let summed = try hub.store.db.read { db in try HubStore.accumulateScoringFromDays(db, into: &accumulator, asOf: asOf) }
        let report = try hub.store.scoringReport(period: period, asOf: asOf, weights: nil, explain: false)

        // Then the days are not used, and the report equals the engine's
        #expect(!summed)
        let units = try hub.store.units().map(\.code)
        #expect(report == ScoringEngine.report(for: period, facts: states.map(TicketFacts.init), units: units, asOf: asOf,
                                               explain: false))
    }

    @Test("a ticket written again changes the sums by its difference: they equal sums rebuilt from the final facts")
    func rewrittenTicketsKeepSumsExact() throws {
        // Given every ticket written as it stood at several earlier instants, then as it is
        let hub = try HubFixture()
        defer { hub.remove() }
        let desks = try SupervisedMonth.desks()
        let earlier = ["2026-09-10 12:00", "2026-09-20 12:00", "2026-10-02 12:00", "2026-10-20 12:00"].map(Fixtures.cst)
        try hub.store.db.write { db in
            for at in earlier {
                for desk in desks {
                    if let state = TicketFold.fold(desk.events, asOf: at) { try HubStore.writeFacts(db, state) }
                }
            }
            for desk in desks { try HubStore.writeFacts(db, desk.state) }
        }
        let kept = try Self.sums(hub)

        // When the sums are rebuilt from the projection
        try hub.store.rebuildScoringDays()

        // Then they are the same rows, and not empty
        #expect(try Self.sums(hub) == kept)
        #expect(!kept.isEmpty)
    }

    @Test("rebuilding the projection from the events gives the facts, rounds and daily sums that pushes wrote")
    func rebuiltProjectionEqualsPushed() throws {
        // Given a hub that took WS's and DX's pushes
        let hub = try HubFixture.withSignedTicket()
        defer { hub.remove() }
        func projection() throws -> [String] {
            try hub.store.db.read { db in
                try ["SELECT * FROM ticket_facts ORDER BY id", "SELECT * FROM handling_rounds ORDER BY ticket_id, position",
                     "SELECT * FROM scoring_days ORDER BY day, unit"]
                    .flatMap { try Row.fetchAll(db, sql: $0).map(\.description) }
            }
        }
        let pushed = try projection()

        // When every ticket is folded again
        try hub.store.rebuildFacts()

        // Then the projection is the same, daily sums included
        #expect(try projection() == pushed)
        #expect(try Self.sums(hub).count > 0)
    }
}
