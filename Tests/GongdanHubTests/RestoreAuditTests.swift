import Foundation
import GRDB
import Testing
import GongdanCore
import GongdanTesting
@testable import GongdanStore

/// Issue 12: a restore checks what it restores — a backup whose schema is not the one its version's
/// migrations make is refused — and says whom the restored database lets in.
@Suite("Restores audit the schema and show who they let in", .timeLimit(.minutes(1)))
struct RestoreAuditTests {
    @Test("a hub backup carrying a hidden trigger that re-creates a viewer and a node is refused, naming it, and nothing is restored")
    func hiddenTriggerRefused() throws {
        let hub = try HubFixture.withSignedTicket()
        defer { hub.remove() }
        let backup = hub.directory.path("backup.sqlite")
        _ = try hub.store.backup(to: backup, replacing: false)
        // An attacker with write access to the backup adds a backdoor
        try DatabaseQueue(path: backup).write { db in
            try db.execute(sql: """
                CREATE TRIGGER keep_backdoor AFTER DELETE ON viewers BEGIN
                    INSERT INTO nodes (code, role, name, token_hash, created_at) VALUES ('EVIL', 'workstation', 'x', 'ab', 0);
                END;
                """)
        }
        let target = hub.directory.path("restored.sqlite")
        #expect {
            try HubStore.restore(from: backup, to: target, replacing: false, now: hub.now)
        } throws: { error in
            guard case BackupError.foreignSchema(_, let differences) = error else { return false }
            return differences == ["unexpected trigger keep_backdoor"]
        }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("an honest hub backup restores, listing its nodes with their key fingerprints and its viewers")
    func restoreListsWhoComesIn() throws {
        let hub = try HubFixture.withSignedTicket()
        defer { hub.remove() }
        _ = try hub.store.addViewer(name: "leader", at: hub.now)
        let backup = hub.directory.path("backup.sqlite")
        _ = try hub.store.backup(to: backup, replacing: false)
        let outcome = try HubStore.restore(from: backup, to: hub.directory.path("restored.sqlite"), replacing: false, now: hub.now)
        #expect(outcome.nodes.map(\.code) == ["DX", "QX", "SCJG", "WS"])
        #expect(outcome.nodes.first { $0.code == "DX" }?.keyFingerprint?.count == 16)
        #expect(outcome.nodes.first { $0.code == "QX" }?.keyFingerprint == nil)
        #expect(outcome.viewers == ["leader"])
    }

    @Test("every migration of the hub and of a replica makes exactly the schema the audit expects")
    func freshSchemasPass() throws {
        for (migrator, kind) in [(HubStore.migrator(), "hub"), (ReplicaStore.migrator(), "replica")] {
            for migration in migrator.migrations {
                let db = try DatabaseQueue()
                try migrator.migrate(db, upTo: migration)
                #expect(try db.read { try SchemaAudit.differences($0, migrator: migrator, at: migration) }.isEmpty, "\(kind) \(migration)")
            }
        }
    }
}
