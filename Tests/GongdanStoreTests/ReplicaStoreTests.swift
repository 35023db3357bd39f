import Foundation
import GRDB
import Testing
import GongdanCore
import GongdanNode
import GongdanStore
import GongdanTesting

/// The replica against a real SQLite file.
@Suite("The replica store")
struct ReplicaStoreTests {
    final class Clock: @unchecked Sendable {
        var now = Fixtures.cst("2026-09-28 09:00")
    }

    /// Given a workstation replica in a temporary file with the fixture units.
    func workstation(_ directory: TemporaryDirectory, clock: Clock = Clock()) throws -> NodeService {
        let service = NodeService(store: try ReplicaStore(path: directory.path("ws.sqlite")), person: "王",
                                  now: { clock.now })
        try service.initialize(role: .workstation, code: "WS", name: "港南区工作站")
        for unit in Fixtures.units.values { try service.addUnit(code: unit.code, name: unit.name, kind: unit.kind) }
        return service
    }

    @Test("a ticket taken in gets a district-unique code, carries no query code, and survives reopening the file")
    func intakeAndReopen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let service = try workstation(directory)
        let first = try service.createTicket(Fixtures.complaint())
        let second = try service.createTicket(Fixtures.complaint())
        #expect(first.code == "WS-26-0001")
        #expect(second.code == "WS-26-0002")
        #expect(first.intake.queryCode == nil)

        let reopened = try ReplicaStore(path: directory.path("ws.sqlite"))
        #expect(try reopened.ticket("WS-26-0001") == first)
        #expect(try reopened.lastSeq() == 2)
        #expect(try reopened.integrityProblems().isEmpty)
    }

    @Test("ticket numbers restart each year in China Standard Time")
    func numbersPerYear() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clock = Clock()
        let service = try workstation(directory, clock: clock)
        clock.now = Fixtures.cst("2026-12-31 23:30")
        #expect(try service.createTicket(Fixtures.complaint(receivedAt: Fixtures.cst("2026-12-31 20:00"))).code == "WS-26-0001")
        clock.now = Fixtures.cst("2027-01-01 00:30")
        #expect(try service.createTicket(Fixtures.complaint(receivedAt: Fixtures.cst("2026-12-31 20:00"))).code == "WS-27-0001")
    }

    @Test("a refused command stores nothing")
    func refusalChangesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let service = try workstation(directory)
        let ticket = try service.createTicket(Fixtures.complaint())
        #expect(throws: TicketError.self) { try service.perform(.review(accept: true, reason: nil), on: ticket.code) }
        #expect(throws: TicketError.self) { try service.perform(.dispatch(lead: "NOPE", co: []), on: ticket.code) }
        #expect(try service.store.lastSeq() == 1)
        #expect(try service.store.events(ofTicket: ticket.code).count == 1)
    }

    @Test("the projection follows every event and the work list filters on it")
    func projectionAndList() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clock = Clock()
        let service = try workstation(directory, clock: clock)
        let a = try service.createTicket(Fixtures.complaint())
        var consult = Fixtures.complaint()
        consult.category = .consult
        let b = try service.createTicket(consult)
        _ = try service.createTicket(Fixtures.complaint())
        try service.perform(.dispatch(lead: "DX", co: ["SCJG"]), on: a.code)
        try service.perform(.dispatch(lead: "QX", co: []), on: b.code)

        #expect(try service.list(TicketFilter()).total == 3)
        #expect(try service.list(TicketFilter(status: .pendingDispatch)).tickets.count == 1)
        #expect(try service.list(TicketFilter(unit: "SCJG")).tickets.map(\.code) == [a.code])
        #expect(try service.list(TicketFilter(unit: "DX")).tickets.map(\.code) == [a.code])
        let limited = try service.list(TicketFilter(limit: 1))
        #expect(limited.tickets.count == 1 && limited.total == 3)
        // Most urgent first: the consultation (3 working days) before the complaint (10).
        #expect(try service.list(TicketFilter()).tickets.first?.code == b.code)

        // On 2026-10-09 the consultation (due 10-08) is overdue; the complaint is due within 6 working days.
        clock.now = Fixtures.cst("2026-10-09 10:00")
        #expect(try service.list(TicketFilter(overdueAt: clock.now)).tickets.map(\.code) == [b.code])
        let horizon = try service.horizon(workingDays: 6)
        #expect(try service.list(TicketFilter(dueBetween: clock.now...horizon)).tickets.map(\.code) == [a.code])
        #expect(try service.status().statistics.overdue == 1)
    }

    @Test("appending events is idempotent and independent of their order")
    func appendIdempotentAnyOrder() throws {
        // Given the events of a random history with concurrent work on several nodes.
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(), on: "WS", at: Fixtures.cst("2026-09-28 08:30"))
        try harness.perform(.dispatch(lead: "DX", co: []), on: "WS", at: Fixtures.cst("2026-09-28 09:00"))
        harness.syncAll()
        try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 10:00"))
        try harness.perform(.contact(note: "电话"), on: "DX", at: Fixtures.cst("2026-09-28 10:30"))
        try harness.perform(.correct(field: .phone, value: "123456"), on: "WS", at: Fixtures.cst("2026-09-28 10:40"))
        harness.syncAll()
        let events = harness.allEvents
        let expected = try #require(TicketFold.fold(events))

        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inOrder = try ReplicaStore(path: directory.path("a.sqlite"))
        let reversed = try ReplicaStore(path: directory.path("b.sqlite"))
        try inOrder.appendEvents(events)
        for event in events.reversed() { try reversed.appendEvents([event]) }
        let again = try inOrder.appendEvents(events)

        #expect(again.inserted == 0 && again.duplicates == events.count)
        #expect(try inOrder.ticket(harness.code) == expected)
        #expect(try reversed.ticket(harness.code) == expected)
        #expect(try inOrder.tickets(matching: TicketFilter()).tickets.first?.status == .handling)
        #expect(try reversed.tickets(matching: TicketFilter()).tickets == inOrder.tickets(matching: TicketFilter()).tickets)
    }

    @Test("a duplicate hotline order number is refused and names the existing ticket")
    func hotlineOrderOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let service = try workstation(directory)
        var request = Fixtures.complaint()
        request.hotlineOrder = "12345-2026-0928-001"
        let first = try service.createTicket(request)
        do {
            _ = try service.createTicket(request)
            Issue.record("a second intake of the same hotline order should be refused")
        } catch {
            #expect("\(error)".contains(first.code))
        }
    }

    @Test("a replica written by a newer gongdan is refused, not damaged")
    func newerSchemaRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("new.sqlite")
        _ = try ReplicaStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')") }
        #expect(throws: StoreError.newerSchema(path: path)) { _ = try ReplicaStore(path: path) }
    }

    @Test("a second init of the same replica is refused")
    func initOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try workstation(directory)
        let again = NodeService(store: try ReplicaStore(path: directory.path("ws.sqlite")), person: "x")
        #expect(throws: StoreError.self) { try again.initialize(role: .township, code: "DX", name: "东兴镇") }
    }

    @Test("an uninitialised replica tells the user to run gongdan init")
    func notInitialised() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let service = NodeService(store: try ReplicaStore(path: directory.path("x.sqlite")), person: "x")
        do {
            _ = try service.createTicket(Fixtures.complaint())
            Issue.record("should be refused")
        } catch {
            #expect("\(error)".contains("gongdan init"))
        }
    }
}
