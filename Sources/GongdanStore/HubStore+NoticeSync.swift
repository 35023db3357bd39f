import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// The notices a node receives on the last page of its pull: those addressed to its unit, or
    /// every notice for the workstation; oldest first.
    static func syncedNotices(_ db: Database, for node: RegisteredNode) throws -> [SyncedNotice] {
        let district = try Self.info(db)?.district ?? ""
        let rows: [Row]
        if let unit = node.unit {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM notices WHERE unit = ? ORDER BY issued_at, year, sequence",
                                    arguments: [unit])
        } else {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM notices ORDER BY issued_at, year, sequence")
        }
        return try rows.map { row in
            let notice = try Self.notice(db, row, district: district)
            return SyncedNotice(id: notice.id, number: notice.number.description, level: notice.level, unit: notice.unit,
                                unitName: notice.unitName, trigger: notice.trigger, tickets: notice.tickets,
                                findings: notice.findings, finishBy: notice.finishBy.description, issuedAt: notice.issuedAt)
        }
    }
}
