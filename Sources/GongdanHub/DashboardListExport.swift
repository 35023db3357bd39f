import Foundation
import GongdanStore
import Hummingbird

/// The whole overdue or unsigned list as CSV, streamed a page of tickets at a time: a district's
/// open backlog can hold hundreds of thousands of tickets, and the hub never holds the file.
///
/// Pages follow the list's order (deadline or signing limit, then code), each read on its own, so
/// a ticket that changes while the file is written may appear in its old place or its new one.
struct DashboardListExport: Sendable {
    enum List: String, Sendable {
        case overdue, unsigned
    }

    let list: List
    let snapshot: DashboardSnapshot
    let store: HubStore
    let executor: StoreExecutor
    /// Tickets read per page.
    var pageSize = 2000

    /// The export of `id`, or nil when `id` is not a streamed list.
    init?(id: String, snapshot: DashboardSnapshot, store: HubStore, executor: StoreExecutor) {
        guard let list = List(rawValue: id) else { return nil }
        self.list = list
        self.snapshot = snapshot
        self.store = store
        self.executor = executor
    }

    /// The response body: the header line, then the rows page by page.
    func body() -> ResponseBody {
        let export = self
        return ResponseBody { writer in
            guard let table = export.snapshot.table(export.list.rawValue) else { return try await writer.finish(nil) }
            try await writer.write(ByteBuffer(string: table.csvHeader()))
            var after: DashboardTicket.Position?
            while true {
                let page = try await export.page(after: after)
                try await writer.write(ByteBuffer(string: DashboardTable.csvLines(page.map(export.row))))
                guard page.count == export.pageSize, let last = page.last else { break }
                after = export.position(of: last)
            }
            try await writer.finish(nil)
        }
    }

    private func page(after position: DashboardTicket.Position?) async throws -> [DashboardTicket] {
        let store = store, now = snapshot.now, limit = pageSize
        switch list {
        case .overdue: return try await executor.runFolded { try store.overdueTickets(at: now, after: position, limit: limit) }
        case .unsigned: return try await executor.runFolded { try store.unsignedTickets(at: now, after: position, limit: limit) }
        }
    }

    private func row(_ ticket: DashboardTicket) -> [String] {
        switch list {
        case .overdue: snapshot.overdueRow(ticket)
        case .unsigned: snapshot.unsignedRow(ticket)
        }
    }

    private func position(of ticket: DashboardTicket) -> DashboardTicket.Position {
        let key = switch list {
        case .overdue: ticket.deadline
        case .unsigned: ticket.signBy
        }
        return DashboardTicket.Position(key: key ?? .distantPast, code: ticket.code)
    }
}
