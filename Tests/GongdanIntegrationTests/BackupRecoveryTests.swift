import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import GongdanStore
import GongdanSync
import GongdanTesting

/// Restoring a node from a backup and rebuilding a lost node from the hub, with a hub process and
/// the real `gongdan` binary.
@Suite("Backups and recovery against a hub process", .serialized, .timeLimit(.minutes(3)))
struct BackupRecoveryTests {
    static let walkIn = ["ticket", "new", "--category", "help", "--source", "window", "--keep",
                         "--entity", "东兴五金店", "--summary", "营业执照变更咨询"]

    @Test("a node restored from an older backup fetches its own later events back at the next sync before it records new ones")
    func restoredNodeCatchesUp() throws {
        // Given DX made an event, synced, was backed up, then made and synced a second one
        let district = try District(townships: ["DX": "东兴镇"], departments: [:])
        defer { district.shutdown() }
        let dx = district["DX"]
        try district["DX"].ok(Self.walkIn, now: District.iso("2026-09-28 10:00"))
        #expect(try district.sync("DX").status == 0)
        let backup = district.directory.path("DX-backup.sqlite")
        let made = try dx.run(["backup", "--out", backup, "--json"]).json()
        #expect(made["kind"] as? String == "replica" && made["node"] as? String == "DX")
        #expect(made["events"] as? Int == 1 && made["lastSeq"] as? Int == 1 && made["integrity"] as? String == "ok")
        try district["DX"].ok(Self.walkIn, now: District.iso("2026-09-28 11:00"))
        #expect(try district.sync("DX").status == 0)

        // When the replica is restored from the backup (refused without --force first)
        let refused = try dx.run(["restore", "--from", backup])
        #expect(refused.status == 1 && refused.stderr.contains("--force"))
        let restored = try dx.run(["restore", "--from", backup, "--force", "--json"]).json()
        #expect((restored["replaced"] as? String)?.contains(".replaced-") == true && restored["next"] as? String == "gongdan sync")

        // Then it records nothing until it synced, and the sync brings DX#2 back
        let blocked = try dx.run(Self.walkIn, now: District.iso("2026-09-28 12:00"))
        #expect(blocked.status == 1 && blocked.stderr.contains("gongdan sync"))
        #expect(try district.lastSeq(of: "DX") == 1)
        let status = try dx.run(["status", "--json"]).json()
        #expect((status["sync"] as? [String: Any])?["resyncRequired"] as? String == "restored")
        let synced = try district.sync("DX").json()
        #expect(synced["ownEventsRecovered"] as? Int == 1)
        try district["DX"].ok(Self.walkIn, now: District.iso("2026-09-28 12:00"))
        #expect(try district.lastSeq(of: "DX") == 3)
        let pushed = try district.sync("DX")
        #expect(pushed.status == 0)
        #expect(try pushed.json()["pushed"] as? Int == 1)
        #expect(try district.admin.run(["hub", "verify", "--db", district.hubDB]).status == 0)
        // and the hub, still serving, is backed up with all three events
        let hubBackup = try district.admin.run(["hub", "backup", "--out", district.directory.path("hub-backup.sqlite"),
                                                "--db", district.hubDB, "--json"]).json()
        #expect(hubBackup["kind"] as? String == "hub" && hubBackup["events"] as? Int == 3)
    }

    @Test("a node whose disk was lost re-initialises from the hub, is told which of its events never reached it, and goes on")
    func lostNodeRecovers() async throws {
        // Given DX synced one event, made a second, and reported it at its last contact before the link dropped
        let district = try District(townships: ["DX": "东兴镇"], departments: [:])
        defer { district.shutdown() }
        try district["DX"].ok(Self.walkIn, now: District.iso("2026-09-28 10:00"))
        #expect(try district.sync("DX").status == 0)
        try district["DX"].ok(Self.walkIn, now: District.iso("2026-09-28 11:00"))
        let oldToken = try #require(try ReplicaStore(path: district["DX"].db).syncSettings().token)
        #expect(try await Self.state(district.hub.url, token: oldToken, query: "?lastSeq=2") == 200)

        // When its disk is lost, the operator rekeys it, and it re-initialises from the hub
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: district["DX"].db + suffix) }
        let rekeyed = try district.admin.run(["hub", "node", "rekey", "DX", "--expires", "2027-06-30", "--db", district.hubDB, "--json"]).json()
        #expect(rekeyed["expiresAt"] as? String == "2027-06-30T16:00:00Z")
        let token = try #require(rekeyed["token"] as? String)
        #expect(try await Self.state(district.hub.url, token: oldToken, query: "") == 401)
        var fresh = GongdanProcess(district.directory, replica: "DX-new.sqlite")
        fresh.lang = "en_US.UTF-8"
        fresh.now = District.iso("2026-09-29 09:00")
        let recovered = try fresh.run(["init", "--recover", "--hub", district.hub.url, "--token", token, "--json"]).json()

        // Then it is DX again with its scope and own event, and knows DX#2 never reached the hub
        #expect((recovered["node"] as? [String: Any])?["code"] as? String == "DX")
        #expect(recovered["lastSeq"] as? Int == 1)
        let report = try #require(recovered["recovery"] as? [String: Any])
        #expect(report["lostFrom"] as? Int == 2 && report["lostTo"] as? Int == 2 && report["hubHas"] as? Int == 1)
        #expect((recovered["lost"] as? String)?.contains("DX events 2–2 (1) were made on the lost replica and never reached the hub") == true)
        let status = try fresh.run(["status", "--json"]).json()
        #expect((status["recovery"] as? [String: Any])?["lost"] as? String == recovered["lost"] as? String)
        // and it goes on from seq 2 with a new key that the hub registers and verifies
        try fresh.ok(Self.walkIn)
        let pushed = try fresh.run(["sync", "--json"]).json()
        #expect(pushed["pushed"] as? Int == 1 && pushed["hubHas"] as? Int == 2)
        #expect(pushed["credentialExpiresAt"] as? String == "2027-06-30T16:00:00Z")
        #expect(try district.admin.run(["hub", "verify", "--db", district.hubDB]).status == 0)
        let nodes = try JSONSerialization.jsonObject(with: Data(try district.admin.ok(["hub", "node", "list", "--db", district.hubDB, "--json"]).utf8)) as? [[String: Any]]
        let dx = try #require(nodes?.first { $0["code"] as? String == "DX" })
        #expect(dx["keys"] as? Int == 2 && dx["protocol"] as? String == ProtocolVersion.current.description)
    }

    /// `GET /api/v1/sync/state` with `token`; the HTTP status.
    static func state(_ hub: String, token: String, query: String) async throws -> Int {
        var request = URLRequest(url: URL(string: "\(hub)/api/v1/sync/state\(query)")!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("1.2", forHTTPHeaderField: "Gongdan-Protocol")
        let (_, response) = try await URLSession(configuration: .ephemeral).data(for: request)
        return (response as! HTTPURLResponse).statusCode
    }
}
