import Foundation
import Testing
import GongdanTesting

/// Path tricks around bundle files: a bundle's contents never choose where a file is written, and a
/// symbolic link at an output path is never written through.
@Suite("Bundle files and paths")
struct BundlePathTests {
    /// A hub that knows DX, and DX holding a walk-in it keeps, pointed at nothing (bundles only).
    struct Setup {
        let directory: TemporaryDirectory
        let hubDB: String
        let admin: GongdanProcess
        let dx: GongdanProcess

        init(_ name: String) throws {
            directory = try TemporaryDirectory(name)
            hubDB = directory.path("hub.sqlite")
            var admin = GongdanProcess(directory, replica: "unused.sqlite")
            admin.lang = "en_US.UTF-8"
            self.admin = admin
            try admin.ok(["hub", "init", "--db", hubDB, "--district", "港南区"])
            let added = try admin.run(["hub", "node", "add", "DX", "--role", "township", "--name", "东兴镇", "--db", hubDB, "--json"]).json()
            var dx = try GongdanProcess.township(in: directory)
            dx.lang = "en_US.UTF-8"
            self.dx = dx
            try dx.ok(["remote", "set", "http://127.0.0.1:9", "--token", try #require(added["token"] as? String)])
            try dx.ok(["ticket", "new", "--category", "help", "--source", "window", "--keep", "--entity", "东兴五金店",
                       "--summary", "营业执照变更咨询"])
        }

        /// Every entry under the directory but the databases' own files, links included (what a
        /// write could have added).
        func entries() throws -> Set<String> {
            Set(try FileManager.default.subpathsOfDirectory(atPath: directory.url.path).filter { !$0.contains(".sqlite") })
        }

        /// Rows in the hub's event log.
        func hubEvents() throws -> Int {
            let digest = try admin.run(["debug", "digest", "--db", hubDB, "--json"]).json()
            return (digest["origins"] as? [[String: Any]] ?? []).reduce(0) { $0 + ($1["events"] as? Int ?? 0) }
        }
    }

    @Test("a bundle naming node ../x, .. or an absolute path is refused, and no file is written anywhere")
    func nodeCodesThatLookLikePathsWriteNothing() throws {
        let setup = try Setup("bundle-paths")
        defer { setup.directory.remove() }
        let bundle = setup.directory.path("DX.gdbundle")
        try setup.dx.ok(["bundle", "export", "--out", bundle])
        let text = try String(contentsOfFile: bundle, encoding: .utf8)

        let escape = "gongdan-escape-\(UUID().uuidString.prefix(8))"
        let outside = [setup.directory.url.deletingLastPathComponent().appendingPathComponent(escape).path, "/tmp/" + escape]
        for trick in ["../\(escape)", "/tmp/\(escape)", "..", "DX/../../\(escape)"] {
            // Given DX's bundle with its node code swapped for a path
            let forged = setup.directory.path("forged.gdbundle")
            try? FileManager.default.removeItem(atPath: forged)
            try Data(text.replacingOccurrences(of: #""node":"DX""#, with: #""node":"\#(trick)""#).utf8)
                .write(to: URL(fileURLWithPath: forged))
            let before = try setup.entries()

            // When the hub imports it
            let result = try setup.admin.run(["hub", "bundle", "import", forged, "--db", setup.hubDB])

            // Then it is refused as unauthorized, nothing is stored and no file appears
            #expect(result.status == 1)
            #expect(result.stderr.contains("unauthorized"), "\(result.stderr)")
            #expect(try setup.entries() == before)
            #expect(outside.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
            #expect(try setup.hubEvents() == 0)
        }
    }

    @Test("a symbolic link at the reply's path is refused without --force, and replaced, never written through, with it")
    func aLinkAtTheOutputPathIsNeverWrittenThrough() throws {
        let setup = try Setup("bundle-links")
        defer { setup.directory.remove() }
        let bundle = setup.directory.path("DX.gdbundle")
        try setup.dx.ok(["bundle", "export", "--out", bundle])
        let reply = setup.directory.path("DX.reply.gdbundle")
        let victim = setup.directory.path("victim.txt")
        try Data("precious".utf8).write(to: URL(fileURLWithPath: victim))
        let manager = FileManager.default

        // Given a link at the reply's path to another file: refused without --force, the file untouched
        try manager.createSymbolicLink(atPath: reply, withDestinationPath: victim)
        let refused = try setup.admin.run(["hub", "bundle", "import", bundle, "--db", setup.hubDB])
        #expect(refused.status == 1 && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")

        // With --force the link itself is replaced by the reply; the file it pointed at is untouched
        try setup.admin.ok(["hub", "bundle", "import", bundle, "--db", setup.hubDB, "--force"])
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        #expect(try manager.attributesOfItem(atPath: reply)[.type] as? FileAttributeType == .typeRegular)
        #expect(try String(contentsOfFile: reply, encoding: .utf8).hasPrefix("GONGDAN-BUNDLE 1\n"))

        // Given a dangling link at the export's path: refused without --force, and its target never created
        let elsewhere = setup.directory.path("elsewhere.gdbundle")
        let out = setup.directory.path("DX-2.gdbundle")
        try manager.createSymbolicLink(atPath: out, withDestinationPath: elsewhere)
        let dangling = try setup.dx.run(["bundle", "export", "--out", out])
        #expect(dangling.status == 1 && dangling.stderr.contains("--force"), "\(dangling.stderr)")
        try setup.dx.ok(["bundle", "export", "--out", out, "--force"])
        #expect(!manager.fileExists(atPath: elsewhere))
        #expect(try manager.attributesOfItem(atPath: out)[.type] as? FileAttributeType == .typeRegular)
    }
}
