import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// The district's query-code secret (hub migration "hub v12: query-code secret").
    static func queryCodeSecret(_ db: Database) throws -> QueryCodeSecret {
        guard let bytes = try Data.fetchOne(db, sql: "SELECT secret FROM query_code_secret WHERE id = 1"),
              let secret = QueryCodeSecret(bytes: bytes) else {
            throw SyncError(.storage, "the hub database holds no query-code secret (migration \"hub v12: query-code secret\"); restore the hub from a backup")
        }
        return secret
    }

    /// The query code (查询码) of `ticket`, derived from its code and the district's secret: what the
    /// entity types on the public page with the ticket code. Nil when the hub holds no such ticket.
    ///
    /// The hub tells it to the 12345 platform in the intake answer; the workstation derives the same
    /// code from the secret its sync state carries. No event carries it (protocol 1.4).
    public func queryCode(for ticket: String) throws(SyncError) -> String? {
        let code = TicketCode.normalized(ticket)
        return try syncRead { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM tickets WHERE code = ?", arguments: [code]) == true else { return nil }
            return try Self.queryCodeSecret(db).queryCode(for: code)
        }
    }

    /// Whether `queryCode` opens `ticket`: the derived code, or the legacy code a `created` event
    /// made before protocol 1.4 carried (kept in the projection's `query_code`). Both comparisons
    /// run in constant time, and a missing ticket costs the same work as a present one.
    static func queryCodeMatches(_ db: Database, ticket code: String, queryCode: String) throws -> Bool {
        let stored = try String.fetchOne(db.cachedStatement(sql: "SELECT query_code FROM tickets WHERE code = ?"),
                                         arguments: [code])
        let derived = try queryCodeSecret(db).queryCode(for: code)
        let matchesDerived = ConstantTime.equals(derived, queryCode)
        let legacy = stored ?? ""
        let matchesLegacy = ConstantTime.equals(legacy.isEmpty ? "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}" : legacy, queryCode)
        return stored != nil && !queryCode.isEmpty && (matchesDerived || matchesLegacy)
    }
}
