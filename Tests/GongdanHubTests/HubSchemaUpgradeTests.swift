import Foundation
import GRDB
import Testing
import GongdanCore
import GongdanSync
import GongdanTesting
@testable import GongdanStore

/// A hub database made by an older gongdan opens migrated forward with its data kept.
@Suite("Hub schema upgrades")
struct HubSchemaUpgradeTests {
    @Test("a hub made at each older schema version, with its data, opens migrated, keeps the data and still verifies")
    func hubUpgrades() throws {
        // Given a current hub that took pushes from WS and DX
        let hub = try HubFixture.withSignedTicket()
        defer { hub.remove() }
        let events = try hub.counts()["events"]
        let expectedStatus = try hub.store.db.read { db in try String.fetchOne(db, sql: "SELECT status FROM tickets WHERE code = 'WS-26-0001'") }
        #expect(expectedStatus == "handling")
        let migrations = HubStore.migrator().migrations
        #expect(migrations.count == 13)
        #expect(migrations.last == "hub v13: sealed contact details")
        let scoringDays = try Self.scoringDays(hub.store)
        #expect(!scoringDays.isEmpty)

        for migration in migrations.dropLast() {
            // When a file made at that version is opened by this gongdan
            let path = hub.directory.path("at-\(migration.prefix { $0 != ":" }.replacingOccurrences(of: " ", with: "-")).sqlite")
            try OlderSchema.copy(of: hub.store.path, at: path, migrator: HubStore.migrator(), upTo: migration)
            let upgraded = try HubStore(path: path)

            // Then it keeps every event and node, every node's key enters its key history, and the chains verify
            let counts = try upgraded.db.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM events"), try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1"))
            }
            #expect(counts.0 == events && counts.1 == migrations.last, "from \(migration)")
            let nodes = try upgraded.nodes()
            #expect(nodes.map(\.code) == ["DX", "QX", "SCJG", "WS"])
            #expect(nodes.first { $0.code == "DX" }?.keys == 1 && nodes.first { $0.code == "QX" }?.keys == 0, "from \(migration)")
            #expect(try upgraded.verify().isEmpty, "from \(migration)")
            let status = try upgraded.db.read { db in try String.fetchOne(db, sql: "SELECT status FROM tickets WHERE code = 'WS-26-0001'") }
            #expect(status == expectedStatus, "from \(migration)")
            #expect(try Self.scoringDays(upgraded) == scoringDays, "from \(migration)")
            // and it keeps clock floors (v11): none yet, every node's answered clock unknown
            let floors = try upgraded.db.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM clock_floors"),
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM nodes WHERE answered_hlc IS NOT NULL"))
            }
            #expect(floors.0 == 0 && floors.1 == 0, "from \(migration)")
        }
    }

    /// Every row of the daily scoring sums, as text.
    static func scoringDays(_ store: HubStore) throws -> [String] {
        try store.db.read { db in try Row.fetchAll(db, sql: "SELECT * FROM scoring_days ORDER BY day, unit").map(\.description) }
    }
}
