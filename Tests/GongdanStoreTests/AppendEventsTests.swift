import Foundation
import Testing
import GongdanCore
import GongdanStore
import GongdanTesting

/// `appendEvents` folds a ticket from its earlier events (decoded from the store) plus the batch's
/// new ones (used as they are): however a history is cut into batches, the projection is the same.
@Suite("Appending events in batches")
struct AppendEventsTests {
    static func history() throws -> (events: [TicketEvent], code: String) {
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(), on: "WS", at: Fixtures.cst("2026-09-28 08:30"))
        try harness.perform(.dispatch(lead: "DX", co: ["QX"]), on: "WS", at: Fixtures.cst("2026-09-28 09:00"))
        harness.syncAll()
        try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 10:00"))
        try harness.perform(.correct(field: .phone, value: "123456"), on: "WS", at: Fixtures.cst("2026-09-28 10:40"))
        try harness.perform(.contact(note: "电话 \"回访\"\n"), on: "DX", at: Fixtures.cst("2026-09-28 10:30"))
        harness.syncAll()
        try harness.perform(.reply(result: "已处理", resolved: true), on: "DX", at: Fixtures.cst("2026-09-29 10:00"))
        harness.syncAll()
        return (harness.allEvents, harness.code)
    }

    @Test("a history cut into two batches at any point, with repeats, projects like one batch")
    func anySplitProjectsAlike() throws {
        // Given a history and its projection when appended in one batch.
        let (events, code) = try Self.history()
        let whole = try ReplicaStore()
        try whole.appendEvents(events)
        let expected = try whole.tickets(matching: TicketFilter()).tickets
        #expect(try whole.ticket(code) == TicketFold.fold(events))

        for cut in 0...events.count {
            // When the history arrives in two batches, the second repeating the first's last event.
            let split = try ReplicaStore()
            try split.appendEvents(Array(events[..<cut]))
            let outcome = try split.appendEvents(Array(events[max(0, cut - 1)...]))

            // Then the repeat is a duplicate and the projection is the one-batch projection.
            #expect(outcome.duplicates == (cut > 0 ? 1 : 0))
            #expect(try split.tickets(matching: TicketFilter()).tickets == expected, "cut at \(cut)")
            #expect(try split.ticket(code) == TicketFold.fold(events))
        }
    }

    @Test("stored events read back equal to the events appended")
    func storedEventsReadBack() throws {
        let (events, code) = try Self.history()
        let store = try ReplicaStore()
        try store.appendEvents(events.reversed())
        #expect(try Set(store.events(ofTicket: code)) == Set(events))
    }
}
