import Foundation
import GRDB
import Testing
import GongdanCore
import GongdanNode
import GongdanSync
import GongdanTesting
@testable import GongdanStore

/// `ReplicaStore.backup` and `ReplicaStore.restore` against real files.
@Suite("Replica backup and restore")
struct BackupRestoreTests {
    /// Given a workstation replica with `tickets` tickets taken in.
    func workstation(_ directory: TemporaryDirectory, name: String = "ws.sqlite", tickets: Int) throws -> NodeService {
        let service = NodeService(store: try ReplicaStore(path: directory.path(name)), person: "王",
                                  now: { Fixtures.cst("2026-09-28 09:00") })
        try service.initialize(role: .workstation, code: "WS", name: "港南区工作站")
        for _ in 0..<tickets { _ = try service.createTicket(Fixtures.complaint()) }
        return service
    }

    func fileBytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test("a backup is a self-contained copy that passes integrity_check and says what it holds")
    func backupDescribesItself() throws {
        let directory = try TemporaryDirectory("backup")
        defer { directory.remove() }
        let service = try workstation(directory, tickets: 3)

        let summary = try service.store.backup(to: directory.path("ws-backup.sqlite"), replacing: false)

        #expect(summary.kind == .replica && summary.node == "WS" && summary.events == 3 && summary.lastSeq == 3)
        #expect(summary.integrity == "ok" && summary.schema.hasPrefix("v11") && summary.bytes > 0)
        #expect(!FileManager.default.fileExists(atPath: directory.path("ws-backup.sqlite-wal")))
        let copy = try ReplicaStore(path: directory.path("ws-backup.sqlite"))
        #expect(try copy.ticket("WS-26-0003") == service.store.ticket("WS-26-0003"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("a backup never overwrites an existing file unless asked, and says how")
    func backupRefusesToOverwrite() throws {
        let directory = try TemporaryDirectory("backup-exists")
        defer { directory.remove() }
        let service = try workstation(directory, tickets: 1)
        let target = directory.path("kept.sqlite")
        try Data("precious".utf8).write(to: URL(fileURLWithPath: target))

        let error = try #require(throws: BackupError.self) { try service.store.backup(to: target, replacing: false) }

        #expect(error == .targetExists(path: target) && error.description.contains("--force"))
        #expect(try fileBytes(target) == Data("precious".utf8))
        #expect(try service.store.backup(to: target, replacing: true).events == 1)
    }

    @Test("restore refuses what is not a replica backup, or an existing replica without force, changing nothing")
    func restoreRefusals() throws {
        let directory = try TemporaryDirectory("restore-refusals")
        defer { directory.remove() }
        let service = try workstation(directory, tickets: 2)
        let backup = directory.path("b.sqlite")
        _ = try service.store.backup(to: backup, replacing: false)
        let current = directory.path("ws.sqlite")
        let before = try service.store.lastSeq()
        let now = Fixtures.cst("2026-10-01 09:00")

        let garbage = directory.path("garbage.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: garbage))
        #expect(throws: BackupError.self) { try ReplicaStore.restore(from: garbage, to: current, replacing: true, now: now) }
        let missing = directory.path("none.sqlite")
        #expect(throws: BackupError.missingFile(path: missing)) {
            try ReplicaStore.restore(from: missing, to: current, replacing: true, now: now)
        }
        let hub = try HubStore(path: directory.path("hub.sqlite"))
        try hub.initialize(district: "港南区", at: now)
        #expect(throws: BackupError.wrongKind(path: directory.path("hub.sqlite"), expected: .replica, found: .hub)) {
            try ReplicaStore.restore(from: directory.path("hub.sqlite"), to: current, replacing: true, now: now)
        }
        let exists = try #require(throws: BackupError.self) {
            try ReplicaStore.restore(from: backup, to: current, replacing: false, now: now)
        }
        #expect(exists == .databaseExists(path: current) && exists.description.contains("--force"))

        #expect(try service.store.lastSeq() == before)
        #expect(try service.store.resyncReason() == nil)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
        #expect(!siblings.contains { $0.contains(".replaced-") || $0.contains(".restore-") })
    }

    @Test("restore with force keeps the replaced replica beside it, and the restored one records nothing until it syncs")
    func restoreKeepsTheReplacedReplica() throws {
        let directory = try TemporaryDirectory("restore-force")
        defer { directory.remove() }
        let service = try workstation(directory, tickets: 1)
        let backup = directory.path("b.sqlite")
        _ = try service.store.backup(to: backup, replacing: false)
        _ = try service.createTicket(Fixtures.complaint())
        let current = directory.path("ws.sqlite")

        let outcome = try ReplicaStore.restore(from: backup, to: current, replacing: true, now: Fixtures.cst("2026-10-01 09:00"))

        let kept = try #require(outcome.replaced)
        #expect(kept == current + ".replaced-20261001T010000")
        #expect(try ReplicaStore(path: kept).lastSeq() == 2)
        let restored = try ReplicaStore(path: current)
        #expect(try restored.lastSeq() == 1 && restored.resyncReason() == .restored)
        let refused = try #require(throws: StoreError.self) {
            try NodeService(store: restored, person: "王", now: { Fixtures.cst("2026-10-01 09:00") }).createTicket(Fixtures.complaint())
        }
        #expect(refused == .syncRequired(path: current, reason: .restored) && refused.description.contains("gongdan sync"))
        #expect(try restored.lastSeq() == 1 && restored.ticket("WS-26-0002") == nil)
    }

    @Test("own events that come back from the hub continue the seq and the hash chain")
    func ownEventsComeBack() throws {
        let directory = try TemporaryDirectory("own-events")
        defer { directory.remove() }
        let original = try workstation(directory, tickets: 3)
        let events = try original.store.ownEvents(after: 0, limit: 10)
        let restored = try workstation(directory, name: "again.sqlite", tickets: 0)
        try restored.store.requireResync(.recovered)

        try restored.store.appendEvents(events)
        try restored.store.clearResync()
        _ = try restored.createTicket(Fixtures.complaint())

        let made = try restored.store.ownEvents(after: 3, limit: 10)
        #expect(made.map(\.id.seq) == [4])
        #expect(made.first?.prev == EventChain.hash(of: events[2]))
        #expect(try restored.store.integrityProblems().isEmpty)
    }
}

extension BackupRestoreTests {
    @Test("a damaged backup is refused and the current replica is kept as it was")
    func damagedBackup() throws {
        let directory = try TemporaryDirectory("restore-damaged")
        defer { directory.remove() }
        let service = try workstation(directory, tickets: 30)
        let backup = directory.path("b.sqlite")
        _ = try service.store.backup(to: backup, replacing: false)
        // Scribble over the middle of the file (pages past the header)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: backup))
        try handle.seek(toOffset: 3 * 4096 + 8)
        try handle.write(contentsOf: Data(repeating: 0x5A, count: 6000))
        try handle.close()

        let error = try #require(throws: BackupError.self) {
            try ReplicaStore.restore(from: backup, to: directory.path("ws.sqlite"), replacing: true, now: Fixtures.cst("2026-10-01 09:00"))
        }

        #expect(error.description.contains("nothing was restored"))
        #expect(try service.store.lastSeq() == 30 && service.store.resyncReason() == nil)
    }
}
