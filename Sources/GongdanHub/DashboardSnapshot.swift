import Foundation
import GongdanCore
import GongdanStore

/// Everything the dashboard shows at one instant, read from the hub store in one go; the page and
/// every CSV export are rendered from it (see `DashboardSnapshot+Tables.swift`).
struct DashboardSnapshot: Sendable {
    var district: String
    var now: Date
    var viewer: String
    var status: DashboardStatus
    var overdue: [DashboardTicket]
    var unsigned: [DashboardTicket]
    var report: ScoringReport
    var units: [HandlingUnit]
    var notices: [StoredNotice]
    var conflicts: [HubStore.Conflict]
    var nodes: [HubStore.NodeHealth]

    /// Reads the snapshot; the lists hold at most `listLimit` tickets (nil: all; the CSV exports
    /// read none here and stream the lists, see ``DashboardListExport``). The
    /// scoring report comes from the caller (it is cached between requests).
    static func read(from store: HubStore, report: ScoringReport, viewer: String, now: Date,
                     listLimit: Int?) throws -> DashboardSnapshot {
        DashboardSnapshot(
            district: try store.info()?.district ?? "",
            now: now, viewer: viewer,
            status: try store.dashboardStatus(at: now),
            overdue: try store.overdueTickets(at: now, limit: listLimit),
            unsigned: try store.unsignedTickets(at: now, limit: listLimit),
            report: report, units: try store.units(), notices: try store.noticeList(),
            conflicts: try store.conflicts(status: .open), nodes: try store.nodes())
    }

    /// Unit code → display name.
    var unitNames: [String: String] {
        units.namesByCode
    }

    /// `东兴镇（DX）`, or the code alone when the directory does not know it.
    func unitLabel(_ code: String?) -> String {
        guard let code else { return "—" }
        return unitNames[code].map { "\($0)（\(code)）" } ?? code
    }
}
