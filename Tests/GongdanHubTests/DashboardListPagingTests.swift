import Foundation
import GongdanCore
import GongdanTesting
import Testing
@testable import GongdanStore

/// The dashboard's CSV exports stream the overdue and unsigned lists page by page
/// (`DashboardListExport`): the pages must add up to the whole list, in its order.
@Suite("Dashboard lists read page by page")
struct DashboardListPagingTests {
    @Test func pagesOfThreeAfterEachLastPositionAddUpToTheWholeOverdueAndUnsignedLists() async throws {
        // Given a hub of a small seeded district, many of whose open tickets share a deadline
        let directory = try TemporaryDirectory("gongdan-paging")
        defer { directory.remove() }
        let options = DistrictSimulation.Options(seed: 4, nodes: 4, days: 3, cutRate: 0, directory: directory.path("district"))
        _ = try await DistrictSimulation.run(options)
        let hub = try HubStore(path: directory.path("district/hub.sqlite"))
        let later = Fixtures.cst("2027-03-01 09:00")

        for (name, whole, page) in [
            ("overdue", try hub.overdueTickets(at: later), { (after: DashboardTicket.Position?) in
                try hub.overdueTickets(at: later, after: after, limit: 3) }),
            ("unsigned", try hub.unsignedTickets(at: later), { (after: DashboardTicket.Position?) in
                try hub.unsignedTickets(at: later, after: after, limit: 3) }),
        ] as [(String, [DashboardTicket], (DashboardTicket.Position?) throws -> [DashboardTicket])] {
            // When the list is read three tickets at a time, each page after the last one's position
            var paged: [DashboardTicket] = []
            var after: DashboardTicket.Position?
            while true {
                let next = try page(after)
                paged += next
                guard next.count == 3, let last = next.last else { break }
                after = DashboardTicket.Position(key: (name == "overdue" ? last.deadline : last.signBy)!, code: last.code)
            }
            // Then the pages hold the whole list, in order, each ticket once
            #expect(whole.count > 3, "\(name) has too few tickets to page")
            #expect(paged.map(\.code) == whole.map(\.code), "\(name)")
        }
    }
}
