import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension ReplicaStore {
    /// The supervision notices this node received from the hub, newest first.
    public func notices() throws -> [SyncedNotice] {
        try db.read { db in
            let decoder = GongdanJSON.decoder()
            return try String.fetchAll(db, sql: "SELECT body FROM notices ORDER BY issued_at DESC, id DESC").map { body in
                try decoder.decode(SyncedNotice.self, from: Data(body.utf8))
            }
        }
    }

    /// Keeps the notices of a pull's last page (by id: one received again replaces the stored one).
    static func storeNotices(_ db: Database, _ notices: [SyncedNotice]) throws {
        let encoder = GongdanJSON.encoder()
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO notices (id, issued_at, finish_by, body) VALUES (?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET issued_at = excluded.issued_at, finish_by = excluded.finish_by, body = excluded.body
            """)
        for notice in notices {
            try upsert.execute(arguments: [notice.id, notice.issuedAt.millis, notice.finishBy,
                                           String(decoding: try encoder.encode(notice), as: UTF8.self)])
        }
    }
}
