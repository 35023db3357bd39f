import Foundation
import GRDB
import Testing
import GongdanCore
import GongdanTesting
@testable import GongdanStore

/// The hub's supervision and scoring projection (`ticket_facts`, `handling_rounds`) on a real SQLite file.
@Suite("Hub ticket facts")
struct HubFactsTests {
    @Test("facts read back from the hub equal the facts of each folded ticket")
    func factsRoundTrip() throws {
        // Given a hub and a month of tickets with returns, rejections, second dispatches and evaluations
        let hub = try HubFixture()
        defer { hub.remove() }
        let states = try SupervisedMonth.states()

        // When their facts are written as the commit path writes them
        try hub.store.db.write { db in
            for state in states { try HubStore.writeFacts(db, state) }
        }

        // Then reading them back gives TicketFacts(state), round for round
        let read = try hub.store.ticketFacts(codes: states.map(\.code))
        #expect(read.count == states.count)
        for state in states {
            #expect(read.first { $0.code == state.code } == TicketFacts(state))
        }
    }

    @Test("writing a ticket's facts again replaces its rounds")
    func rewriteReplacesRounds() throws {
        // Given a ticket whose facts were written after its first round
        let hub = try HubFixture()
        defer { hub.remove() }
        var desk = try TicketDesk("WS-26-0201", received: "2026-10-11 16:00", created: "2026-10-12 08:00")
        try desk.dispatch(to: "QX", "2026-10-12 09:00")
        let first = desk.state
        try hub.store.db.write { db in try HubStore.writeFacts(db, first) }

        // When it is returned and re-dispatched, and written again
        try desk.giveBack("QX", "2026-10-12 11:00")
        try desk.dispatch(to: "DX", "2026-10-12 14:00")
        let second = desk.state
        try hub.store.db.write { db in try HubStore.writeFacts(db, second) }

        // Then the hub holds one row for the ticket and exactly its two rounds
        let read = try hub.store.ticketFacts(codes: ["WS-26-0201"])
        #expect(read == [TicketFacts(second)])
        let rows = try hub.store.db.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM handling_rounds") ?? 0
        }
        #expect(rows == 2)
    }

    @Test("a pushed ticket reaches the facts through the hub's commit path")
    func commitWritesFacts() throws {
        // Given a ticket dispatched to DX on the workstation
        let hub = try HubFixture()
        defer { hub.remove() }
        let harness = try HubFixture.dispatchedToDongxing()

        // When the workstation pushes it
        try hub.sync(harness, from: "WS")

        // Then its facts are in the projection
        let read = try hub.store.ticketFacts(codes: ["WS-26-0001"])
        #expect(read == [TicketFacts(harness.state(on: "WS")!)])
        #expect(read.first?.rounds.first?.unit == "DX")
    }

    @Test("the v5 migration's backfill rebuilds the facts of tickets stored before it")
    func backfill() throws {
        // Given a hub holding a pushed ticket whose facts are then lost
        let hub = try HubFixture()
        defer { hub.remove() }
        let harness = try HubFixture.dispatchedToDongxing()
        try hub.sync(harness, from: "WS")
        try hub.store.db.write { db in
            try db.execute(sql: "DELETE FROM handling_rounds; DELETE FROM ticket_facts")
        }

        // When the backfill runs
        try hub.store.db.write { db in try HubStore.backfillFacts(db) }

        // Then the facts are back
        #expect(try hub.store.ticketFacts(codes: ["WS-26-0001"]) == [TicketFacts(harness.state(on: "WS")!)])
    }

    @Test("a period reads only the tickets that can count in it, and loses none that do")
    func periodSelection() throws {
        // Given the month's tickets
        let hub = try HubFixture()
        defer { hub.remove() }
        let states = try SupervisedMonth.states()
        try hub.store.db.write { db in
            for state in states { try HubStore.writeFacts(db, state) }
        }

        // When October and September are read
        let october = try hub.store.ticketFacts(period: try ScoringPeriod("2026-10"), asOf: Fixtures.cst("2026-11-05 09:00"))
        let september = try hub.store.ticketFacts(period: try ScoringPeriod("2026-09"), asOf: Fixtures.cst("2026-11-05 09:00"))

        // Then October has every ticket and September only the one handled then
        #expect(october.map(\.code) == states.map(\.code).sorted())
        #expect(september.map(\.code) == ["WS-26-0109"])
    }
}
