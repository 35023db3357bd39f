import Foundation
import GRDB
import Testing
import GongdanCore
import GongdanNode
import GongdanSync
import GongdanTesting
@testable import GongdanStore

/// `HubStore.backup` while nodes push, and `HubStore.restore`.
@Suite("Hub backup and restore", .timeLimit(.minutes(2)))
struct HubBackupTests {
    /// A workstation replica in memory with `tickets` tickets, each taken in and dispatched (2 events each).
    static func busyWorkstation(tickets: Int) throws -> ReplicaStore {
        let store = try ReplicaStore()
        let service = NodeService(store: store, person: "王", now: { Fixtures.cst("2026-09-28 09:00") })
        try service.initialize(role: .workstation, code: "WS", name: "港南区工作站")
        for unit in Fixtures.units.values { try service.addUnit(code: unit.code, name: unit.name, kind: unit.kind) }
        for _ in 0..<tickets {
            let ticket = try service.createTicket(Fixtures.complaint())
            try service.perform(.dispatch(lead: "DX", co: []), on: ticket.code)
        }
        return store
    }

    @Test("a hub backup taken while pushes run in parallel opens, passes integrity_check and holds no half batch")
    func backupWhilePushing() async throws {
        // Given a hub taking pushes of 7 events at a time
        var limits = SyncLimits()
        limits.maxPushEvents = 7
        let hub = try HubFixture(limits: limits)
        defer { hub.remove() }
        let workstation = try Self.busyWorkstation(tickets: 300)
        let now = hub.now
        let transport = DirectSyncTransport(hub: hub.store, token: hub.tokens["WS"]!, now: { now })
        let pushing = Task.detached {
            try await SyncSession(store: workstation, transport: transport, software: "test", now: { now }).run()
        }

        // When backups are taken from another connection meanwhile
        let reader = try HubStore(path: hub.store.path)
        var summaries: [BackupSummary] = []
        for index in 0..<8 {
            summaries.append(try reader.backup(to: hub.directory.path("backup-\(index).sqlite"), replacing: false))
            try await Task.sleep(for: .milliseconds(40))
        }
        let report = try await pushing.value
        #expect(report.pushed == 600)

        // Then each backup passes integrity_check and holds whole batches: WS's events are 1…n with n
        // a batch boundary, n equals what the hub says it holds, and the feed and projection agree
        for summary in summaries {
            #expect(summary.integrity == "ok" && summary.kind == .hub && summary.district == "港南区")
            let copy = try DatabaseQueue(path: summary.file)
            let (count, maxSeq, hasSeq, headSeq, tickets, feed) = try await copy.read { db in
                (try Int64.fetchOne(db, sql: "SELECT count(*) FROM events WHERE origin = 'WS'")!,
                 try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM events WHERE origin = 'WS'")!,
                 try Int64.fetchOne(db, sql: "SELECT has_seq FROM origins WHERE origin = 'WS'") ?? 0,
                 try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM heads WHERE origin = 'WS'")!,
                 try Int64.fetchOne(db, sql: "SELECT count(*) FROM tickets")!,
                 try Int64.fetchOne(db, sql: "SELECT count(*) FROM feed WHERE unit = 'DX'")!)
            }
            #expect(count == maxSeq && maxSeq == hasSeq && headSeq == hasSeq)
            #expect(hasSeq % 7 == 0 || hasSeq == 600, "a backup holds WS 1…\(hasSeq), not a whole batch")
            #expect(tickets == (hasSeq + 1) / 2 && Int64(summary.events) == count)
            #expect(feed == hasSeq - hasSeq % 2, "DX's feed holds every event of the tickets dispatched to it")
            #expect(try HubStore(path: summary.file).verify().isEmpty)
        }
    }

    @Test("a hub restore refuses an existing database without force and a replica backup, changing nothing")
    func hubRestoreRefusals() throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        let backup = hub.directory.path("hub-backup.sqlite")
        _ = try hub.store.backup(to: backup, replacing: false)
        let now = hub.now

        #expect(throws: BackupError.databaseExists(path: hub.store.path)) {
            try HubStore.restore(from: backup, to: hub.store.path, replacing: false, now: now)
        }
        let replica = hub.directory.path("replica.sqlite")
        try ReplicaStore(path: replica).initialize(NodeIdentity(code: "DX", name: "东兴镇", role: .township), at: now)
        #expect(throws: BackupError.wrongKind(path: replica, expected: .hub, found: .replica)) {
            try HubStore.restore(from: replica, to: hub.store.path, replacing: true, now: now)
        }
        #expect(try hub.store.nodes().count == 4)
        #expect(try hub.store.db.read { db in try String.fetchOne(db, sql: "SELECT epoch FROM hub") } == nil)
    }

    @Test("after a hub restore, a node pushes again what the hub lost and pulls its feed again from the start")
    func nodesCatchUpWithARestoredHub() async throws {
        // Given DX synced a ticket dispatched to it, and the hub was backed up before WS's second ticket
        let hub = try HubFixture()
        defer { hub.remove() }
        let workstation = try Self.busyWorkstation(tickets: 1)
        let now = hub.now
        let clock: @Sendable () -> Date = { now }
        let ws = SyncSession(store: workstation, transport: DirectSyncTransport(hub: hub.store, token: hub.tokens["WS"]!, now: clock),
                             software: "test", now: clock)
        _ = try await ws.run()
        let backup = hub.directory.path("hub-backup.sqlite")
        _ = try hub.store.backup(to: backup, replacing: false)
        let service = NodeService(store: workstation, person: "王", now: clock)
        let second = try service.createTicket(Fixtures.complaint())
        try service.perform(.dispatch(lead: "DX", co: []), on: second.code)
        _ = try await ws.run()
        let dx = try ReplicaStore()
        try NodeService(store: dx, person: "李", now: clock).initialize(role: .township, code: "DX", name: "东兴镇")
        let dxSession = SyncSession(store: dx, transport: DirectSyncTransport(hub: hub.store, token: hub.tokens["DX"]!, now: clock),
                                    software: "test", now: clock)
        #expect(try await dxSession.run().pulled == 4)

        // When the hub is restored from the backup (it lost WS#3 and WS#4)
        let outcome = try HubStore.restore(from: backup, to: hub.store.path, replacing: true, now: hub.now)
        #expect(outcome.replaced != nil && outcome.backup.events == 2)
        let restored = try HubStore(path: hub.store.path)

        // Then WS pushes them again and DX, seeing the new epoch, pulls from the start without duplicates
        let again = try await SyncSession(store: workstation, transport: DirectSyncTransport(hub: restored, token: hub.tokens["WS"]!, now: clock),
                                          software: "test", now: clock).run()
        #expect(again.pushed == 2)
        let dxAgain = try await SyncSession(store: dx, transport: DirectSyncTransport(hub: restored, token: hub.tokens["DX"]!, now: clock),
                                            software: "test", now: clock).run()
        #expect(dxAgain.feedRestarted && dxAgain.pulled == 0)
        #expect(try dx.ticket(second.code) != nil && restored.verify().isEmpty)
    }
}
