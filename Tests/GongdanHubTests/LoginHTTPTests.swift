import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import GongdanHub
import GongdanSync
import GongdanTesting
import Testing
@testable import GongdanStore

/// Dashboard logins over real HTTP on 127.0.0.1: an over-long password is refused before hashing, and
/// wrong logins in flight (each a PBKDF2 hash) do not hold up other requests — the hash runs off the
/// store's queue. Timing is measured by `tools/bench --sections logins`, never asserted here.
@Suite("Dashboard logins over HTTP", .timeLimit(.minutes(2)))
struct LoginHTTPTests {
    /// Posts a form (with an `Origin` and a `Cookie` when given) in a fresh session; the status and body.
    static func post(_ url: URL, form: String, origin: String? = nil, cookie: String? = nil,
                     session: URLSession = URLSession(configuration: .ephemeral)) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        if let origin { request.setValue(origin, forHTTPHeaderField: "Origin") }
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        request.httpBody = Data(form.utf8)
        let (data, response) = try await session.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
    }

    /// The sessions the hub holds.
    static func sessions(_ fixture: DashboardFixture) throws -> Int {
        try fixture.hub.store.db.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM viewer_sessions") ?? 0 }
    }

    /// The dashboard fixture's hub served on 127.0.0.1 (a free port) while `body` runs.
    static func withServer(_ body: (DashboardFixture, Int) async throws -> Void) async throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let now = fixture.hub.now
        try await HubApplication(store: fixture.hub.store, host: "127.0.0.1", port: 0, now: { now }).withRunningServer { port in
            try await body(fixture, port)
        }
    }

    @Test func aPasswordOverTheCapIsRefusedWithAPlainChineseMessage() async throws {
        try await Self.withServer { fixture, port in
            let login = URL(string: "http://127.0.0.1:\(port)/login")!
            // When a viewer (or a script) sends a password of 4,000 bytes
            let answer = try await Self.post(login, form: "name=zhang&password=\(String(repeating: "X", count: 4000))")
            // Then it is refused as too long, saying what a real password looks like, and no session is opened
            #expect(answer.status == 400)
            #expect(answer.body.contains("密码过长") && answer.body.contains("\(ViewerPassword.maxBytes) 字节") && answer.body.contains("重新输入"))
            #expect(try Self.sessions(fixture) == 0)
            // And the right password still logs in
            _ = try await Self.post(login, form: "name=zhang&password=\(fixture.password)")
            #expect(try Self.sessions(fixture) == 1)
        }
    }

    @Test func wrongLoginsInFlightDoNotBlockHealthz() async throws {
        try await Self.withServer { fixture, port in
            let login = URL(string: "http://127.0.0.1:\(port)/login")!
            let healthz = URL(string: "http://127.0.0.1:\(port)/healthz")!
            let session = URLSession(configuration: .ephemeral)
            // Given eight wrong logins in flight at once, and /healthz asked meanwhile
            let (logins, health) = try await withThrowingTaskGroup(of: (login: Int?, health: Int?).self) { group in
                for index in 0..<8 {
                    group.addTask { (try await Self.post(login, form: "name=zhang&password=WRONG-\(index)", session: session).status, nil) }
                }
                for _ in 0..<8 {
                    group.addTask {
                        let (_, response) = try await session.data(from: healthz)
                        return (nil, (response as! HTTPURLResponse).statusCode)
                    }
                }
                var logins: [Int] = [], health: [Int] = []
                for try await answer in group {
                    if let status = answer.login { logins.append(status) }
                    if let status = answer.health { health.append(status) }
                }
                return (logins, health)
            }
            // Then every wrong login is refused, every /healthz answered, and the store still serves a right login
            #expect(logins.count == 8 && logins.allSatisfy { $0 == 401 })
            #expect(health.count == 8 && health.allSatisfy { $0 == 200 })
            #expect(try Self.sessions(fixture) == 0)
            _ = try await Self.post(login, form: "name=zhang&password=\(fixture.password)")
            #expect(try Self.sessions(fixture) == 1)
        }
    }
}
