import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension ReplicaStore {
    /// Keeps the district's query-code secret the hub sent this node (a workstation) in its sync
    /// state answer (protocol 1.4), replacing any held before. A township or department node is
    /// refused: it must never hold what derives the entity's query codes (`docs/evaluation.md`).
    public func saveQueryCodeSecret(_ secret: QueryCodeSecret) throws {
        try db.write { db in
            guard let role = try String.fetchOne(db, sql: "SELECT role FROM node WHERE id = 1"), role == Role.workstation.rawValue else {
                throw TicketError.invalidInput("only the workstation keeps the district's query-code secret; this node is not the workstation")
            }
            try db.execute(sql: "UPDATE sync_state SET query_code_secret = ? WHERE id = 1", arguments: [secret.base64])
        }
    }

    /// The district's query-code secret, on a workstation node that has synced with a 1.4 hub; nil
    /// on every other node.
    public func queryCodeSecret() throws -> QueryCodeSecret? {
        try db.read { db in
            try String.fetchOne(db, sql: "SELECT query_code_secret FROM sync_state WHERE id = 1").flatMap(QueryCodeSecret.init(base64:))
        }
    }
}
