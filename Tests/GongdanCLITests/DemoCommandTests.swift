import Foundation
import GongdanStore
import GongdanTesting
import Testing

/// `gongdan demo`, as a whole command line: a hub on 127.0.0.1 and six replicas playing a month.
@Suite("gongdan demo")
struct DemoCommandTests {
    /// The report a run printed, without what may differ between runs (its directory, the URLs, the password).
    static func report(_ stdout: String, directory: String) -> String {
        stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains(directory) && !$0.contains("http://") && !$0.contains("密码") }
            .joined(separator: "\n")
    }

    /// Every event the workstation's replica holds (it holds all): id, ticket, type and hybrid timestamp.
    static func events(in directory: String) throws -> [String] {
        let workstation = try ReplicaStore(path: directory + "/WS.sqlite")
        return try workstation.tickets(matching: .init()).tickets.map(\.code).sorted().flatMap { code in
            try workstation.events(ofTicket: code).map { "\($0.id) \($0.ticket) \($0.payload.type) \($0.hlc.packed)" }
        }
    }

    @Test("the same seed plays the same month twice, with a conflict, notices, tickets at every unit and verified chains")
    func sameSeedSameMonth() throws {
        // Given two empty directories
        let directory = try TemporaryDirectory("cli-demo")
        defer { directory.remove() }
        let gongdan = GongdanProcess(directory, replica: "unused.sqlite")
        let one = directory.path("one"), two = directory.path("two")

        // When the demo plays seed 7 in each, exiting after its report
        let started = Date()
        let first = try gongdan.run(["demo", "--seed", "7", "--exit", "--dir", one])
        let elapsed = Date().timeIntervalSince(started)
        let second = try gongdan.run(["demo", "--seed", "7", "--exit", "--dir", two])

        // Then both succeed and print the same figures
        #expect(first.status == 0, "\(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        let report = Self.report(first.stdout, directory: one)
        #expect(report == Self.report(second.stdout, directory: two))
        let events = try Self.events(in: one), again = try Self.events(in: two)
        #expect(events.count > 300 && events == again)
        #expect(report.contains("全区工单状态") && report.contains("各单位得分") && report.contains("桥圩镇（QX）"))
        #expect(first.stdout.contains("/dashboard") && first.stdout.contains("密码："))
        #expect(first.stderr.contains("模拟进度 30/30 天"))
        print("gongdan demo --seed 7 --exit took \(Int(elapsed.rounded())) s")

        // And the hub holds a conflict, notices, and tickets at every unit; every chain verifies
        let hub = try HubStore(path: one + "/hub.sqlite")
        #expect(try hub.conflicts(status: nil).contains { $0.ticket.hasPrefix("HUB-") })
        #expect(try !hub.noticeList().isEmpty)
        #expect(try hub.scoringReport(period: .init("2026-11"), asOf: Date()).district.satisfaction.denominator > 0)
        for unit in ["DX", "QX", "MG", "SCJG", "ZJJ"] {
            let replica = try ReplicaStore(path: one + "/\(unit).sqlite")
            #expect(try replica.tickets(matching: .init(limit: 1)).total > 0, "\(unit) holds no ticket")
            #expect(try replica.syncSettings().unsent == 0, "\(unit) has unsent events")
        }
        let verify = try gongdan.run(["hub", "verify", "--db", one + "/hub.sqlite"])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    @Test("a month that is not YYYY-MM and a directory that already holds a demo are refused")
    func refusals() throws {
        let directory = try TemporaryDirectory("cli-demo-refusals")
        defer { directory.remove() }
        let gongdan = GongdanProcess(directory, replica: "unused.sqlite")

        let month = try gongdan.run(["demo", "--month", "2026-13", "--exit", "--dir", directory.path("a")])
        #expect(month.status == 1 && month.stderr.contains("YYYY-MM"))

        #expect(FileManager.default.createFile(atPath: directory.path("hub.sqlite"), contents: Data()))
        let used = try gongdan.run(["demo", "--exit", "--dir", directory.path("")])
        #expect(used.status == 1 && used.stderr.contains("--dir"))
    }
}
