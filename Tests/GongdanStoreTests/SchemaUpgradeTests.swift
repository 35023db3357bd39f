import Foundation
import GRDB
import Testing
import GongdanCore
import GongdanNode
import GongdanSync
import GongdanTesting
@testable import GongdanStore

/// A database made by an older gongdan (migrated only up to an older migration, with data) opens
/// migrated forward with its data kept — for every older schema version of the replica.
@Suite("Schema upgrades")
struct SchemaUpgradeTests {
    @Test("a replica made at each older schema version, with its data, opens migrated and keeps the data")
    func replicaUpgrades() throws {
        let directory = try TemporaryDirectory("upgrade-replica")
        defer { directory.remove() }
        // Given a current replica with three tickets, one dispatched
        let source = directory.path("source.sqlite")
        let service = NodeService(store: try ReplicaStore(path: source), person: "王", now: { Fixtures.cst("2026-09-28 09:00") })
        try service.initialize(role: .workstation, code: "WS", name: "港南区工作站")
        for unit in Fixtures.units.values { try service.addUnit(code: unit.code, name: unit.name, kind: unit.kind) }
        for _ in 0..<3 { _ = try service.createTicket(Fixtures.complaint()) }
        try service.perform(.dispatch(lead: "DX", co: []), on: "WS-26-0002")
        let expected = try service.store.ticket("WS-26-0002")
        let migrations = ReplicaStore.migrator().migrations
        #expect(migrations.count == 11)

        for migration in migrations.dropLast() {
            // When a file made at that version is opened by this gongdan
            let path = directory.path("at-\(migration.prefix { $0 != ":" }).sqlite")
            try OlderSchema.copy(of: source, at: path, migrator: ReplicaStore.migrator(), upTo: migration)
            let upgraded = try ReplicaStore(path: path)

            // Then it is at the newest version, with its events, projections and identity
            #expect(try upgraded.schemaVersion() == migrations.last, "from \(migration)")
            #expect(try upgraded.lastSeq() == 4, "from \(migration)")
            // (before v8 a replica had no openings: this fixture's sealed contact details stay behind)
            let sealedBefore = migrations.firstIndex(of: migration)! < migrations.firstIndex(of: "v8: sealed contact details")!
            #expect(try upgraded.ticket("WS-26-0002").map { sealedBefore ? $0.contactBlind : $0 }
                    == (sealedBefore ? expected?.contactBlind : expected), "from \(migration)")
            #expect(try upgraded.requireIdentity().code == "WS")
            #expect(try upgraded.resyncReason() == nil)
            // and it can still sign a push of its own events (chained by v2 when older)
            let push = try #require(try upgraded.nextPush(after: 0, limit: 10, software: "test"))
            #expect(push.lastSeq == 4, "from \(migration)")
        }
    }
}
