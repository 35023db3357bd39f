import Foundation
import Testing
import GongdanCore
import GongdanStore
import GongdanTesting

/// Syncs cut by killing the hub process (`kill -9`) at random points resume with nothing lost
/// or duplicated.
@Suite("Sync survives a killed hub", .serialized)
struct HubKillTests {
    /// Starts `gongdan sync` on `node` without waiting for it.
    func startSync(_ node: GongdanProcess) throws -> Process {
        let process = Process()
        process.executableURL = BuiltProducts.gongdan
        process.arguments = ["sync", "--db", node.db]
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GONGDAN_") }
            .merging(["GONGDAN_NOW": "2026-09-28T12:00:00+08:00"], uniquingKeysWith: { $1 })
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Cuts `rounds` syncs of `node` by killing the hub after a random delay, restarting it each time.
    func cut(_ node: String, in district: District, rounds: Int, random: inout SeededRandom) throws {
        for _ in 0..<rounds {
            let sync = try startSync(district[node])
            Thread.sleep(forTimeInterval: Double(Int.random(in: 30...600, using: &random)) / 1000)
            district.hub.kill()
            sync.waitUntilExit()
            try district.hub.start()
            try district.repoint()
        }
    }

    @Test("killing the hub mid-push and mid-pull loses and duplicates nothing")
    func killMidPushAndPull() throws {
        let district = try District(townships: ["DX": "东兴镇"], departments: [:])
        defer { district.shutdown() }
        var random = SeededRandom(seed: 7)
        // Given a township with 2,510 unsent events (three push batches) on ten walk-ins it keeps
        for number in 1...10 {
            try district.on("DX", at: "2026-09-28 10:00", "ticket", "new", "--category", "help", "--source", "window",
                            "--entity", "红星米粉店\(number)", "--summary", "申请临时外摆\(number)", "--keep")
            try district["DX"].ok(["debug", "churn", "DX-26-00\(number < 10 ? "0" : "")\(number)", "--count", "250"],
                                  now: District.iso("2026-09-28 11:00"))
        }
        let made = try district.lastSeq(of: "DX")
        #expect(made == 2510)

        // When its syncs are cut by killing the hub at random moments, then one runs to the end
        try cut("DX", in: district, rounds: 4, random: &random)
        try #require(district.sync("DX", at: "2026-09-28 12:00").status == 0)

        // Then the hub holds every event exactly once
        var counts = try district.hubEventCounts()
        #expect(counts.rows == Int(made))
        #expect(counts.distinct == counts.rows)

        // When the workstation's first pull (two pages) is cut the same way, then completes
        try cut("WS", in: district, rounds: 3, random: &random)
        try #require(district.sync("WS", at: "2026-09-28 12:00").status == 0)

        // Then the workstation holds exactly the hub's events, and the same ticket
        let workstation = try ReplicaStore(path: district["WS"].db)
        #expect(try workstation.integrityProblems() == [])
        #expect(try workstation.statistics(at: Date()).events == Int(made))
        for number in ["01", "05", "10"] {
            #expect(try workstation.ticket("DX-26-00\(number)") == district.hubState("DX-26-00\(number)"))
        }
        counts = try district.hubEventCounts()
        #expect(counts.rows == Int(made))
        try district.admin.ok(["hub", "verify", "--db", district.hubDB])
    }
}
