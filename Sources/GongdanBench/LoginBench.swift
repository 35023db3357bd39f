import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GongdanStore

/// `tools/bench --sections logins` (printed, never asserted): does a burst of wrong dashboard logins
/// hold up the hub? A real `gongdan hub serve` on 127.0.0.1 with one viewer; `GET /healthz` is timed
/// back to back, first alone, then while `--logins` wrong logins (the login limit's whole burst from
/// one address) are in flight. Each login hashes its password (PBKDF2, 20,000 rounds); the hub does
/// that off the store's queue, so `/healthz` — which reads the store — should barely move.
struct LoginBench {
    let options: BenchOptions

    func run() async throws {
        say("")
        let directory = options.directory + "/logins"
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let hubPath = directory + "/hub.sqlite"
        do {
            let hub = try HubStore(path: hubPath)
            _ = try hub.initialize(district: "港南区", at: Date())
            _ = try hub.addViewer(name: "bench", at: Date())
        }
        let server = try HubServer(gongdan: options.gongdan, db: hubPath)
        defer { server.stop() }
        let client = URLSession(configuration: .ephemeral)
        let healthz = URL(string: "healthz", relativeTo: server.url)!

        func timeHealthz() async throws -> Double {
            let start = Date()
            let (_, response) = try await client.data(from: healthz)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw BenchError("GET /healthz failed") }
            return Date().timeIntervalSince(start) * 1000
        }
        func summary(_ label: String, _ times: [Double]) {
            let sorted = times.sorted()
            let p99 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
            say("  " + label.padding(toLength: 34, withPad: " ", startingAt: 0)
                + String(format: "p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d requests)", sorted[sorted.count / 2], p99, sorted.last!, sorted.count))
        }

        say("logins: GET /healthz while \(options.logins) wrong dashboard logins are in flight (gongdan hub serve on 127.0.0.1)")
        for _ in 0..<20 { _ = try await timeHealthz() }  // warm up
        var alone: [Double] = []
        for _ in 0..<200 { alone.append(try await timeHealthz()) }
        summary("/healthz alone", alone)

        let loginStart = Date()
        let finished = Finished()
        let count = options.logins, login = URL(string: "login", relativeTo: server.url)!
        let loginTask = Task {
            defer { finished.set() }
            return try await withThrowingTaskGroup(of: (status: Int, ms: Double).self) { group in
                for _ in 0..<count { group.addTask { try await Self.wrongLogin(at: login) } }
                var answers: [(status: Int, ms: Double)] = []
                for try await answer in group { answers.append(answer) }
                return answers
            }
        }
        // Time /healthz back to back until every login has answered.
        var during: [Double] = []
        while !finished.value || during.isEmpty { during.append(try await timeHealthz()) }
        let logins = try await loginTask.value
        let loginSeconds = Date().timeIntervalSince(loginStart)
        summary("/healthz during the wrong logins", during)
        let refused = logins.filter { $0.status == 401 }.count
        say(String(format: "  %d wrong logins answered in %.2f s (%d refused 401, slowest %.0f ms)", logins.count, loginSeconds,
                   refused, logins.map(\.ms).max() ?? 0))
    }
}

extension LoginBench {
    /// A wrong login from a session of its own: its status and milliseconds.
    static func wrongLogin(at url: URL) async throws -> (status: Int, ms: Double) {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data("name=bench&password=WRONG-WRONG-WRONG-WRONG".utf8)
        let start = Date()
        let (_, response) = try await URLSession(configuration: .ephemeral).data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, Date().timeIntervalSince(start) * 1000)
    }
}

/// Set once, read from another task.
private final class Finished: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func set() { lock.withLock { done = true } }
    var value: Bool { lock.withLock { done } }
}
