import Foundation
import Testing
import GongdanTesting

/// Replicas, the hub database, backups, bundles and the folders gongdan makes for them are owner-only
/// under a permissive umask; `check` and `hub verify` name a readable database and the `chmod` that fixes it.
@Suite("Private files")
struct PrivateFilesTests {
    /// The permission bits of `path`.
    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int) & 0o777
    }

    @Test("under umask 022, every database, backup, bundle and folder gongdan creates is 0600 or 0700")
    func ownerOnlyUnderUmask022() throws {
        // Given commands run under umask 022, into folders that do not exist yet
        let directory = try TemporaryDirectory("cli-private-files")
        defer { directory.remove() }
        var dx = GongdanProcess(directory, replica: "node/data/dx.sqlite")
        dx.umask = "022"
        var admin = GongdanProcess(directory, replica: "unused.sqlite")
        admin.umask = "022"
        let hubDB = directory.path("srv/hub.sqlite")

        // When a node and a hub are made, backed up, and a bundle exported
        try admin.ok(["hub", "init", "--db", hubDB, "--district", "港南区"])
        let token = try #require(try admin.run(["hub", "node", "add", "DX", "--role", "township", "--name", "东兴镇",
                                                "--db", hubDB, "--json"]).json()["token"] as? String)
        try dx.ok(["init", "--role", "township", "--node", "DX", "--name", "东兴镇"])
        try dx.ok(["remote", "set", "http://127.0.0.1:9", "--token", token])
        try dx.ok(["ticket", "new", "--category", "help", "--source", "window", "--keep", "--entity", "东兴五金店",
                   "--summary", "营业执照变更咨询"])
        try dx.ok(["backup", "--out", directory.path("backups/dx.sqlite")])
        try admin.ok(["hub", "backup", "--out", directory.path("hub-backups/hub.sqlite"), "--db", hubDB])
        let bundle = directory.path("DX.gdbundle")
        try dx.ok(["bundle", "export", "--out", bundle])
        try admin.ok(["hub", "bundle", "import", bundle, "--db", hubDB])

        // Then the files are 0600 and the folders 0700 (SQLite gives -wal and -shm the database's mode)
        let files = [dx.db, hubDB, directory.path("backups/dx.sqlite"), directory.path("hub-backups/hub.sqlite"),
                     bundle, directory.path("DX.reply.gdbundle")]
        for file in files + [dx.db + "-wal", dx.db + "-shm", hubDB + "-wal", hubDB + "-shm"]
        where FileManager.default.fileExists(atPath: file) {
            #expect(try Self.mode(file) == 0o600, "\(file)")
        }
        for folder in ["node", "node/data", "srv", "backups", "hub-backups"] {
            #expect(try Self.mode(directory.path(folder)) == 0o700, "\(folder)")
        }
    }

    @Test("check and hub verify warn about a database others can read and print the chmod that fixes it, exit 0")
    func readableDatabaseIsWarnedAbout() throws {
        // Given a replica and a hub database made readable by everyone
        let directory = try TemporaryDirectory("cli-readable-db")
        defer { directory.remove() }
        let dx = try GongdanProcess.township(in: directory)
        let admin = GongdanProcess(directory, replica: "unused.sqlite")
        let hubDB = directory.path("hub.sqlite")
        try admin.ok(["hub", "init", "--db", hubDB, "--district", "港南区"])
        for file in [dx.db, hubDB] {
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        }

        // When the operator checks them
        let check = try dx.run(["check"])
        let verify = try admin.run(["hub", "verify", "--db", hubDB])
        let json = try dx.run(["check", "--json"]).json()

        // Then each names the file, its mode and the fix, in Chinese by default, and still exits 0
        #expect(check.status == 0 && check.stderr.contains("0644") && check.stderr.contains("chmod 600 \(dx.db)"))
        #expect(verify.status == 0 && verify.stderr.contains("chmod 600 \(hubDB)") && verify.stderr.contains("其他用户可以读取"))
        #expect((json["warnings"] as? [String])?.first?.contains("chmod 600 \(dx.db)") == true)

        // And once fixed, the warning is gone
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dx.db)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: dx.db + suffix) {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dx.db + suffix)
        }
        #expect(!(try dx.run(["check"])).stderr.contains("chmod"))
    }
}
