import Foundation
import Testing
import GongdanCore
import GongdanStore
import GongdanTesting

/// A replica survives `kill -9` mid-command: each event and its projection are both there or both absent.
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    /// Runs `gongdan` to completion and returns its standard output.
    @discardableResult
    func gongdan(_ arguments: [String], db: String) throws -> String {
        let process = Process()
        process.executableURL = BuiltProducts.gongdan
        process.arguments = arguments + ["--db", db]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["GONGDAN_NOW": "2026-09-28T09:00:00+08:00", "LANG": "en_US.UTF-8"], uniquingKeysWith: { $1 })
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "gongdan \(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self)
    }

    @Test("killing gongdan at random points mid-append never leaves an event without its projection")
    func killNineMidAppend() throws {
        let directory = try TemporaryDirectory("crash")
        defer { directory.remove() }
        let db = directory.path("dx.sqlite")
        // Given a township replica with one walk-in it keeps.
        try gongdan(["init", "--role", "township", "--node", "DX", "--name", "东兴镇"], db: db)
        try gongdan(["ticket", "new", "--category", "help", "--source", "window", "--entity", "好味餐馆",
                     "--summary", "门前积水", "--keep"], db: db)
        var random = SeededRandom(seed: 20_261_125)
        var killedAfter: [Int] = []
        for _ in 0..<6 {
            // When a process appending notes as fast as it can is killed after a random number of them.
            let target = Int.random(in: 5...300, using: &random)
            let process = Process()
            process.executableURL = BuiltProducts.gongdan
            process.arguments = ["debug", "churn", "DX-26-0001", "--count", "1000000", "--db", db]
            process.environment = ProcessInfo.processInfo.environment.merging(
                ["GONGDAN_NOW": "2026-09-28T10:00:00+08:00"], uniquingKeysWith: { $1 })
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            var seen = 0
            var buffer = Data()
            while seen < target {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                seen = buffer.split(separator: UInt8(ascii: "\n")).count
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            killedAfter.append(seen)

            // Then the replica is sound: every event is accounted for by its projection.
            let store = try ReplicaStore(path: db)
            #expect(try store.integrityProblems() == [])
            let state = try #require(try store.ticket("DX-26-0001"))
            let events = try store.events(ofTicket: "DX-26-0001")
            #expect(state.eventCount == events.count)
            let lastSeq = try store.lastSeq()
            #expect(Int64(events.count) == lastSeq)
            let projected = try store.tickets(matching: TicketFilter()).tickets
            #expect(projected.count == 1)
        }
        // The kills really landed mid-run (the process had printed at least the target count).
        #expect(killedAfter.allSatisfy { $0 >= 5 })
    }
}
