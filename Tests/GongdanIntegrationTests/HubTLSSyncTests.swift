import Foundation
import GRDB
import GongdanCore
import GongdanStore
import GongdanTesting
import Testing

/// Issue 12: the real `gongdan` binary — `hub tls init`, `hub serve --tls-cert --tls-key` on 127.0.0.1, and
/// nodes that pin the district CA with `init --hub https://… --hub-ca ca.pem`.
@Suite("Sync over HTTPS with a pinned CA", .serialized)
struct HubTLSSyncTests {
    /// A hub database with WS and DX registered, its TLS files from `hub tls init`, and the tokens.
    struct TLSHub {
        let directory: TemporaryDirectory
        let admin: GongdanProcess
        let hubDB: String
        var tokens: [String: String] = [:]

        init() throws {
            directory = try TemporaryDirectory("tls-district")
            hubDB = directory.path("hub.sqlite")
            var admin = GongdanProcess(directory, replica: "unused.sqlite")
            admin.lang = "en_US.UTF-8"
            self.admin = admin
            try admin.ok(["hub", "init", "--db", hubDB, "--district", "港南区"])
            for (code, role) in [("WS", "workstation"), ("DX", "township")] {
                let output = try admin.ok(["hub", "node", "add", code, "--role", role, "--name", code, "--db", hubDB, "--json"])
                tokens[code] = (try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])?["token"] as? String
            }
        }

        /// A node process on its own replica, in English.
        func node(_ code: String) -> GongdanProcess {
            var node = GongdanProcess(directory, replica: "\(code).sqlite")
            node.lang = "en_US.UTF-8"
            return node
        }
    }

    @Test("a node syncs with a hub serving HTTPS, pinning the CA that hub tls init made")
    func syncOverTLS() throws {
        let district = try TLSHub()
        defer { district.directory.remove() }
        // Given the district's CA and the hub's certificate from `hub tls init`, and the hub serving them
        let tls = district.directory.path("tls")
        let made = try district.admin.ok(["hub", "tls", "init", "--dir", tls, "--db", district.hubDB])
        #expect(made.contains("CA fingerprint (SHA-256): "))
        #expect(made.contains("--tls-cert \(tls)/hub.pem --tls-key \(tls)/hub-key.pem"))
        let hub = try HubProcess(db: district.hubDB, arguments: ["--tls-cert", "\(tls)/hub.pem", "--tls-key", "\(tls)/hub-key.pem"])
        defer { hub.stop() }
        #expect(hub.url.hasPrefix("https://127.0.0.1:"))

        // When the workstation and a township join with the hub's https URL and the CA
        let ws = district.node("WS"), dx = district.node("DX")
        let info = try JSONSerialization.jsonObject(with: Data(try district.admin.ok(["hub", "info", "--db", district.hubDB, "--json"]).utf8))
            as? [String: Any]
        let hubKey = try #require(info?["publicKey"] as? String), fingerprint = try #require(info?["fingerprint"] as? String)
        // (init checks the token with the hub at once; WS pins the key the hub names, DX is given it as
        // `hub info` prints it)
        let joined = try ws.ok(["init", "--role", "workstation", "--node", "WS", "--name", "WS", "--hub", hub.url,
                                "--token", district.tokens["WS"]!, "--hub-ca", "\(tls)/ca.pem"])
        #expect(joined.contains("Checked the token with the hub: it is node WS") && joined.contains("fingerprint \(fingerprint) (pinned)"), "\(joined)")
        try dx.ok(["init", "--role", "township", "--node", "DX", "--name", "DX", "--hub", hub.url,
                   "--token", district.tokens["DX"]!, "--hub-ca", "\(tls)/ca.pem", "--hub-key", hubKey])
        // and a token of another node, or the wrong role, is refused before any replica is made
        let other = district.node("QX")
        let stolen = try other.run(["init", "--role", "township", "--node", "QX", "--name", "QX", "--hub", hub.url,
                                    "--token", district.tokens["DX"]!, "--hub-ca", "\(tls)/ca.pem"])
        #expect(stolen.status == 1 && stolen.stderr.contains("node DX"), "\(stolen.stderr)")
        let wrongRole = try other.run(["init", "--role", "department", "--node", "DX", "--name", "DX", "--hub", hub.url,
                                       "--token", district.tokens["DX"]!, "--hub-ca", "\(tls)/ca.pem"])
        #expect(wrongRole.status == 1 && wrongRole.stderr.contains("--role township"), "\(wrongRole.stderr)")
        #expect(!FileManager.default.fileExists(atPath: other.db))
        try ws.ok(["sync"], now: "2026-09-28T08:10:00+08:00")
        try ws.ok(["ticket", "new", "--category", "complaint", "--source", "window", "--entity", "港南区好味餐馆",
                   "--summary", "门店前道路施工三个月未完工"], now: "2026-09-28T08:30:00+08:00")
        try ws.ok(["ticket", "dispatch", "WS-26-0001", "--to", "DX"], now: "2026-09-28T09:00:00+08:00")
        try ws.ok(["sync"], now: "2026-09-28T09:05:00+08:00")
        let pulled = try dx.ok(["sync"], now: "2026-09-28T09:10:00+08:00")
        // (the sync says which tickets came and how)
        #expect(pulled.contains("1 ticket(s) changed:") && pulled.contains("WS-26-0001  new here (pending sign)"), "\(pulled)")

        // Then the ticket crossed over HTTPS, and each replica holds the CA it pinned
        #expect(try ReplicaStore(path: dx.db).ticket("WS-26-0001")?.status == .pendingSign)
        let ca = try String(contentsOfFile: "\(tls)/ca.pem", encoding: .utf8)
        #expect(try ReplicaStore(path: dx.db).syncSettings().hubCA == ca)
        #expect(try dx.ok(["remote", "show"]).contains("(only the pinned CA is trusted)"))
        #expect(try ws.ok(["remote", "show"]).contains("Hub signing key fingerprint: \(fingerprint)"))
        // and a --hub-key that is not a key is a usage error naming where to get it
        let wrong = try district.node("QX").run(["init", "--role", "township", "--node", "QX", "--name", "QX", "--hub", hub.url,
                                                 "--token", district.tokens["DX"]!, "--hub-key", "abc"])
        #expect(wrong.status == 2 && wrong.stderr.contains("gongdan hub info"))
    }

    @Test("a node pinned to another district's CA refuses the hub with a clear error and stores nothing from it")
    func wrongCA() throws {
        let district = try TLSHub()
        defer { district.directory.remove() }
        let tls = district.directory.path("tls"), other = district.directory.path("other")
        try district.admin.ok(["hub", "tls", "init", "--dir", tls, "--district", "港南区"])
        try district.admin.ok(["hub", "tls", "init", "--dir", other, "--district", "覃塘区"])
        let hub = try HubProcess(db: district.hubDB, arguments: ["--tls-cert", "\(tls)/hub.pem", "--tls-key", "\(tls)/hub-key.pem"])
        defer { hub.stop() }
        // Given a workstation pinned to the other CA, with a ticket of its own
        let ws = district.node("WS")
        // (init, which checks the token with the hub, refuses at once and makes no replica)
        let refused = try ws.run(["init", "--role", "workstation", "--node", "WS", "--name", "WS", "--hub", hub.url,
                                  "--token", district.tokens["WS"]!, "--hub-ca", "\(other)/ca.pem"])
        #expect(refused.status == 1 && refused.stderr.contains("failed the TLS check"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: ws.db))
        try ws.ok(["init", "--role", "workstation", "--node", "WS", "--name", "WS"])
        try ws.ok(["remote", "set", hub.url, "--token", district.tokens["WS"]!, "--hub-ca", "\(other)/ca.pem"])
        try ws.ok(["ticket", "new", "--category", "complaint", "--source", "window", "--entity", "港南区好味餐馆",
                   "--summary", "门店前道路施工三个月未完工"])

        // When it syncs
        let started = Date()
        let failed = try ws.run(["sync"])

        // Then it refuses the hub at once and says what to do, in English and in Chinese
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("failed the TLS check"), "\(failed.stderr)")
        #expect(failed.stderr.contains("--hub-ca ca.pem"))
        #expect(Date().timeIntervalSince(started) < 15)
        var chinese = ws
        chinese.lang = "zh_CN.UTF-8"
        #expect(try chinese.run(["sync"]).stderr.contains("未通过 TLS 校验"))
        // and nothing crossed: the hub holds none of its events, the node nothing from the hub
        let settings = try ReplicaStore(path: ws.db).syncSettings()
        #expect(settings.hubHas == 0 && settings.cursor == 0)
        let hubEvents = try DatabaseQueue(path: district.hubDB).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE origin = 'WS'")
        }
        #expect(hubEvents == 0)
    }

    @Test("plain HTTP to a hub on another machine is refused at init and remote set unless --insecure-http is given")
    func plainHTTPRefused() throws {
        let district = try TLSHub()
        defer { district.directory.remove() }
        let ws = district.node("WS")
        // When a node is pointed at http:// on a LAN address, nothing is made
        let refused = try ws.run(["init", "--role", "workstation", "--node", "WS", "--name", "WS",
                                  "--hub", "http://10.0.0.5:8080", "--token", district.tokens["WS"]!])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("refused plain HTTP to 10.0.0.5"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: ws.db))

        // and `remote set` refuses it too, leaving the hub unset, in Chinese first
        try ws.ok(["init", "--role", "workstation", "--node", "WS", "--name", "WS"])
        var chinese = ws
        chinese.lang = "zh_CN.UTF-8"
        let set = try chinese.run(["remote", "set", "http://10.0.0.5:8080", "--token", district.tokens["WS"]!])
        #expect(set.status == 2)
        #expect(set.stderr.contains("拒绝以明文 HTTP 连接 10.0.0.5"), "\(set.stderr)")
        #expect(try ReplicaStore(path: ws.db).syncSettings().hubURL == nil)

        // Then with --insecure-http it is set, with a loud warning; loopback needs no flag
        let insecure = try ws.run(["remote", "set", "http://10.0.0.5:8080", "--token", district.tokens["WS"]!, "--insecure-http"])
        #expect(insecure.status == 0)
        #expect(insecure.stderr.contains("WARNING: plain HTTP"))
        #expect(try ReplicaStore(path: ws.db).syncSettings().hubURL == "http://10.0.0.5:8080")
        try ws.ok(["remote", "set", "http://127.0.0.1:8080", "--token", district.tokens["WS"]!])
    }

    @Test("hub serve refuses a missing certificate or a file that is not PEM, saying which file and what to do")
    func badTLSFiles() throws {
        let district = try TLSHub()
        defer { district.directory.remove() }
        let text = district.directory.path("notes.txt")
        try Data("not a certificate".utf8).write(to: URL(fileURLWithPath: text))
        let missing = try district.admin.run(["hub", "serve", "--db", district.hubDB, "--listen", "127.0.0.1:0",
                                              "--tls-cert", district.directory.path("none.pem"), "--tls-key", text])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("--tls-cert \(district.directory.path("none.pem")): no such file"), "\(missing.stderr)")
        var chinese = district.admin
        chinese.lang = "zh_CN.UTF-8"
        let notPEM = try chinese.run(["hub", "serve", "--db", district.hubDB, "--listen", "127.0.0.1:0",
                                      "--tls-cert", text, "--tls-key", text])
        #expect(notPEM.status == 1)
        #expect(notPEM.stderr.contains("里没有 PEM 格式的证书"), "\(notPEM.stderr)")
    }
}
