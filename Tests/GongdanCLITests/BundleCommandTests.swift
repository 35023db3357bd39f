import Foundation
import Testing
import GongdanTesting

/// `gongdan bundle export|import` and `gongdan hub bundle import`, as whole command lines.
@Suite("Bundle commands")
struct BundleCommandTests {
    @Test("a township's walk-in travels to the hub in a bundle file and the reply comes back, with --json fields")
    func roundTripByCommandLine() throws {
        // Given a hub that knows DX, and DX holding a walk-in it keeps
        let directory = try TemporaryDirectory("cli-bundle")
        defer { directory.remove() }
        let hubDB = directory.path("hub.sqlite")
        let admin = GongdanProcess(directory, replica: "unused.sqlite")
        try admin.ok(["hub", "init", "--db", hubDB, "--district", "港南区"])
        let added = try admin.run(["hub", "node", "add", "DX", "--role", "township", "--name", "东兴镇", "--db", hubDB, "--json"]).json()
        let token = try #require(added["token"] as? String)
        let dx = try GongdanProcess.township(in: directory)
        try dx.ok(["remote", "set", "http://127.0.0.1:9", "--token", token])
        try dx.ok(["ticket", "new", "--category", "help", "--source", "window", "--keep", "--entity", "东兴五金店",
                   "--summary", "营业执照变更咨询"])

        // When DX exports, the hub imports, DX imports the reply
        let bundle = directory.path("DX-1202.gdbundle")
        let exported = try dx.run(["bundle", "export", "--out", bundle, "--json"]).json()
        #expect(exported["events"] as? Int == 1 && exported["batches"] as? Int == 1)
        let taken = try admin.run(["hub", "bundle", "import", bundle, "--db", hubDB, "--json"]).json()
        #expect(taken["node"] as? String == "DX" && taken["accepted"] as? Int == 1)
        let reply = try #require(taken["replyFile"] as? String)
        #expect(reply == directory.path("DX-1202.reply.gdbundle"))
        let applied = try dx.run(["bundle", "import", reply, "--json"]).json()

        // Then nothing is left unsent, and the reply imported again changes nothing
        #expect(applied["hubHas"] as? Int == 1 && applied["unsent"] as? Int == 0)
        let again = try dx.run(["bundle", "import", reply, "--json"]).json()
        #expect(again["pulled"] as? Int == 0 && again["unsent"] as? Int == 0)
    }

    @Test("an existing output file is kept unless --force, and a file that is not a bundle is refused")
    func refusals() throws {
        let directory = try TemporaryDirectory("cli-bundle-refusals")
        defer { directory.remove() }
        let dx = try GongdanProcess.township(in: directory)
        try dx.ok(["remote", "set", "http://127.0.0.1:9", "--token", "gd_0123456789abcdefghij"])
        let existing = directory.path("kept.gdbundle")
        try Data("precious".utf8).write(to: URL(fileURLWithPath: existing))

        let refused = try dx.run(["bundle", "export", "--out", existing, "--lang", "en"])
        #expect(refused.status == 1 && refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "precious")
        let folder = try dx.run(["bundle", "export", "--out", directory.url.path, "--lang", "en"])
        #expect(folder.status == 1 && folder.stderr.contains("directory"))
        try dx.ok(["bundle", "export", "--out", existing, "--force"])
        #expect(try String(contentsOfFile: existing, encoding: .utf8).hasPrefix("GONGDAN-BUNDLE 1\n"))

        let notABundle = try dx.run(["bundle", "import", directory.path("kept.gdbundle"), "--lang", "en"])
        #expect(notABundle.status == 1)
        let garbage = directory.path("garbage.txt")
        try Data("hello".utf8).write(to: URL(fileURLWithPath: garbage))
        let unreadable = try dx.run(["bundle", "import", garbage, "--lang", "en"])
        #expect(unreadable.status == 1 && unreadable.stderr.contains("not a gongdan bundle"))
    }
}
