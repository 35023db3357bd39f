import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// The notices a node receives on the last page of its pull: those addressed to its unit, or
    /// every notice for the workstation; oldest first.
    static func syncedNotices(_ db: Database, for node: RegisteredNode) throws -> [SyncedNotice] {
        try notices(db, addressedTo: node.unit).map { notice in
            SyncedNotice(id: notice.id, number: notice.number.description, level: notice.level, unit: notice.unit,
                         unitName: notice.unitName, trigger: notice.trigger, tickets: notice.tickets,
                         findings: notice.findings, finishBy: notice.finishBy.description, issuedAt: notice.issuedAt)
        }
    }
}
