import Foundation
import Testing
import GongdanStore
import GongdanTesting

/// `gongdan backup|restore`, `gongdan hub backup|restore`, `hub node add --expires` and `hub node rekey`,
/// as whole command lines.
@Suite("Backup and credential commands")
struct BackupCommandTests {
    /// An initialised hub database in `directory`, and the process that administers it (English messages).
    static func hub(in directory: TemporaryDirectory) throws -> (admin: GongdanProcess, db: String) {
        var admin = GongdanProcess(directory, replica: "unused.sqlite")
        admin.lang = "en_US.UTF-8"
        let db = directory.path("hub.sqlite")
        try admin.ok(["hub", "init", "--db", db, "--district", "港南区"])
        return (admin, db)
    }

    @Test("hub backup prints what it holds, refuses to overwrite, and hub restore refuses a replica backup")
    func hubBackupAndRestore() throws {
        // Given a hub with a node registered to expire in 180 days
        let directory = try TemporaryDirectory("cli-hub-backup")
        defer { directory.remove() }
        let (admin, hubDB) = try Self.hub(in: directory)
        let added = try admin.run(["hub", "node", "add", "DX", "--role", "township", "--name", "东兴镇", "--expires", "180d",
                                   "--db", hubDB, "--json"]).json()
        #expect(added["expiresAt"] as? String == "2027-03-27T01:00:00Z")

        // When the operator backs the hub up, twice to the same name
        let backup = directory.path("hub-backup.sqlite")
        let made = try admin.run(["hub", "backup", "--out", backup, "--db", hubDB, "--json"]).json()
        let again = try admin.run(["hub", "backup", "--out", backup, "--db", hubDB])

        // Then the first says what it holds and the second is refused, naming the ways out
        #expect(made["kind"] as? String == "hub" && made["district"] as? String == "港南区" && made["events"] as? Int == 0)
        #expect(made["integrity"] as? String == "ok" && (made["bytes"] as? Int ?? 0) > 0 && made["file"] as? String == backup)
        #expect(again.status == 1 && again.stderr.contains("--force") && again.stderr.contains("another name"))

        // And a node replica's backup is refused by hub restore, the hub untouched
        let dx = try GongdanProcess.township(in: directory)
        let replicaBackup = directory.path("dx-backup.sqlite")
        try dx.ok(["backup", "--out", replicaBackup])
        let wrong = try admin.run(["hub", "restore", "--from", replicaBackup, "--db", hubDB, "--force"])
        #expect(wrong.status == 1 && wrong.stderr.contains("gongdan restore"))
        let nodes = try admin.ok(["hub", "node", "list", "--db", hubDB])
        #expect(nodes.contains("DX") && nodes.contains("expires") && nodes.contains("2027-03-27"))

        // And hub restore --force puts the backup in place, keeping the current database
        let restored = try admin.run(["hub", "restore", "--from", backup, "--db", hubDB, "--force", "--json"]).json()
        #expect((restored["replaced"] as? String)?.hasPrefix(hubDB + ".replaced-") == true)
    }

    @Test("while a hub serves its database, hub restore and a second hub serve are refused, naming the process; once it stops, restore works")
    func restoreUnderARunningHub() throws {
        // Given a hub database, its backup, and a process holding the hub's serve lock (as `hub serve` does)
        let directory = try TemporaryDirectory("cli-hub-serving")
        defer { directory.remove() }
        let (admin, hubDB) = try Self.hub(in: directory)
        let backup = directory.path("hub-backup.sqlite")
        try admin.ok(["hub", "backup", "--out", backup, "--db", hubDB])
        var lock: HubServeLock? = try HubServeLock.acquire(for: hubDB, purpose: "gongdan hub serve")
        let before = try Data(contentsOf: URL(fileURLWithPath: hubDB))

        // When the operator restores, or starts another server, on the same database
        let restore = try admin.run(["hub", "restore", "--from", backup, "--db", hubDB, "--force"])
        let serve = try admin.run(["hub", "serve", "--db", hubDB, "--listen", "127.0.0.1:0"])

        // Then both are refused, naming the serving process and what to do, and the database is untouched
        for refused in [restore, serve] {
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("process \(getpid()) (gongdan hub serve)") && refused.stderr.contains("stop that hub first"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: hubDB)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.contains(".replaced-") }.isEmpty)

        // When the server stops, the restore goes through
        withExtendedLifetime(lock) {}
        lock = nil
        #expect(try admin.run(["hub", "restore", "--from", backup, "--db", hubDB, "--force"]).status == 0)
    }

    @Test("an --expires that is no expiry is refused with the accepted forms, and nothing is registered")
    func badExpiry() throws {
        let directory = try TemporaryDirectory("cli-expiry")
        defer { directory.remove() }
        let (admin, hubDB) = try Self.hub(in: directory)

        let refused = try admin.run(["hub", "node", "add", "DX", "--role", "township", "--name", "东兴镇", "--expires", "soon", "--db", hubDB])

        #expect(refused.status == 1 && refused.stderr.contains("180d"))
        let listed = try JSONSerialization.jsonObject(with: Data(try admin.ok(["hub", "node", "list", "--db", hubDB, "--json"]).utf8))
        #expect((listed as? [Any])?.isEmpty == true)
        let unknown = try admin.run(["hub", "node", "rekey", "ZZ", "--db", hubDB])
        #expect(unknown.status == 1 && unknown.stderr.contains("no node ZZ"))
    }

    @Test("restore refuses a file that is not a Gongdan database, and the replica stays as it was")
    func restoreRefusesGarbage() throws {
        let directory = try TemporaryDirectory("cli-restore")
        defer { directory.remove() }
        var dx = try GongdanProcess.township(in: directory)
        dx.lang = "en_US.UTF-8"
        let garbage = directory.path("photo.jpg")
        try Data(repeating: 0xFF, count: 8192).write(to: URL(fileURLWithPath: garbage))

        let refused = try dx.run(["restore", "--from", garbage, "--force"])

        #expect(refused.status == 1 && refused.stderr.contains("not a Gongdan database"))
        let status = try dx.run(["status", "--json"]).json()
        #expect((status["node"] as? [String: Any])?["code"] as? String == "DX")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
        #expect(!siblings.contains { $0.contains(".replaced-") })
    }

    @Test("init with a hub that cannot be reached makes the replica and says plainly the token was not checked")
    func initOffline() throws {
        let directory = try TemporaryDirectory("cli-init-offline")
        defer { directory.remove() }
        // Given nothing listening on 127.0.0.1:9
        let node = GongdanProcess(directory, replica: "dx.sqlite")
        let arguments = ["init", "--role", "township", "--node", "DX", "--name", "东兴镇",
                         "--hub", "http://127.0.0.1:9", "--token", "gd_0123456789abcdefghijklmnop"]
        // When a clerk initialises the node with the hub's URL and token
        let started = Date()
        let made = try node.run(arguments)
        // Then the replica is made at once, with a Chinese note that the first sync checks the token
        #expect(made.status == 0 && Date().timeIntervalSince(started) < 5)
        #expect(made.stderr.contains("暂时连不上中心") && made.stderr.contains("令牌未能核对") && made.stderr.contains("连接被拒绝"), "\(made.stderr)")
        #expect(FileManager.default.fileExists(atPath: node.db))
        // and --json says so
        let again = GongdanProcess(directory, replica: "dx2.sqlite")
        let json = try again.run(arguments + ["--json"]).json()
        #expect(json["credentialChecked"] as? Bool == false && json["code"] as? String == "DX")
    }
}
