import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GongdanHub
import GongdanStore
import GongdanTesting
import Testing

/// Over real HTTP on 127.0.0.1: cross-origin logins and logouts are refused, same-origin ones and
/// header-less ones accepted; `X-Forwarded-For` counts for the public rate limit only from `--trusted-proxy`.
@Suite("Origin checks and the trusted proxy over HTTP", .timeLimit(.minutes(1)))
struct OriginAndProxyHTTPTests {
    typealias Login = LoginHTTPTests

    @Test func crossOriginLoginAndLogoutAreRefusedSameOriginAccepted() async throws {
        try await Login.withServer { fixture, port in
            let login = URL(string: "http://127.0.0.1:\(port)/login")!
            let form = "name=zhang&password=\(fixture.password)"
            // When another site's page posts the right password
            let evil = try await Login.post(login, form: form, origin: "http://evil.example")
            // Then it is refused with a plain Chinese message and no session is opened
            #expect(evil.status == 403 && evil.body.contains("来自其他网站") && evil.body.contains("/login"))
            #expect(try Login.sessions(fixture) == 0)
            // And a page of the hub itself, or a client that sends no Origin, logs in
            _ = try await Login.post(login, form: form, origin: "http://127.0.0.1:\(port)")
            #expect(try Login.sessions(fixture) == 1)
            _ = try await Login.post(login, form: form)
            #expect(try Login.sessions(fixture) == 2)

            // When another site posts a logout with a viewer's cookie, the session stays
            let now = fixture.hub.now
            let token = try fixture.hub.store.openSession(viewer: "zhang", now: now)
            let logout = URL(string: "http://127.0.0.1:\(port)/logout")!
            let forced = try await Login.post(logout, form: "", origin: "http://evil.example", cookie: "gongdan_session=\(token)")
            #expect(forced.status == 403)
            #expect(try fixture.hub.store.viewer(session: token, now: now) == "zhang")
            // and the dashboard's own logout ends it
            _ = try await Login.post(logout, form: "", origin: "http://127.0.0.1:\(port)", cookie: "gongdan_session=\(token)")
            #expect(try fixture.hub.store.viewer(session: token, now: now) == nil)
        }
    }

    /// Two public lookups from 127.0.0.1 claiming two different clients in `X-Forwarded-For`, then the first again.
    static func lookups(_ app: HubApplication) async throws -> [Int] {
        try await app.withRunningServer { port in
            var statuses: [Int] = []
            for client in ["198.51.100.1", "198.51.100.2", "198.51.100.1"] {
                var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/public/tickets/WS-26-9999?query=AAAAAA")!)
                request.setValue("203.0.113.9, \(client)", forHTTPHeaderField: "X-Forwarded-For")
                let (_, response) = try await URLSession(configuration: .ephemeral).data(for: request)
                statuses.append((response as! HTTPURLResponse).statusCode)
            }
            return statuses
        }
    }

    @Test func forwardedForCountsOnlyFromTheTrustedProxy() async throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let now = fixture.hub.now
        // Given one public lookup allowed per client: without a trusted proxy, a forged header does not
        // buy a second bucket — every request from 127.0.0.1 shares one
        let plain = HubApplication(store: fixture.hub.store, host: "127.0.0.1", port: 0, now: { now }, publicLimit: (burst: 1, perMinute: 1))
        #expect(try await Self.lookups(plain) == [404, 429, 429])
        // With --trusted-proxy 127.0.0.1, each forwarded client has its own bucket
        let proxied = HubApplication(store: fixture.hub.store, host: "127.0.0.1", port: 0, now: { now },
                                     publicLimit: (burst: 1, perMinute: 1), trustedProxy: "127.0.0.1")
        #expect(try await Self.lookups(proxied) == [404, 404, 429])
    }

    /// The `Set-Cookie` line of a login posted over a raw connection claiming `X-Forwarded-Proto: https`.
    static func loginCookie(port: Int, password: String) throws -> String {
        let connection = try RawConnection(port: port)
        let form = "name=zhang&password=\(password)"
        connection.send("POST /login HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Forwarded-Proto: https\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(form.utf8.count)\r\nConnection: close\r\n\r\n\(form)")
        return connection.readAll().split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie: gongdan_session=") }.map(String.init) ?? ""
    }

    @Test("X-Forwarded-Proto marks the session cookie Secure only when the trusted proxy sends it")
    func forwardedProtoOnlyFromTheTrustedProxy() async throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let now = fixture.hub.now
        // From any peer the header is ignored: the cookie of a plain-HTTP hub is not Secure
        let untrusted = try await HubApplication(store: fixture.hub.store, host: "127.0.0.1", port: 0, now: { now }).withRunningServer { port in
            try Self.loginCookie(port: port, password: fixture.password)
        }
        #expect(untrusted.contains("gongdan_session=") && !untrusted.contains("Secure"))
        // From the trusted proxy (an nginx terminating TLS on this machine) it is believed
        let trusted = try await HubApplication(store: fixture.hub.store, host: "127.0.0.1", port: 0, now: { now }, trustedProxy: "127.0.0.1")
            .withRunningServer { port in try Self.loginCookie(port: port, password: fixture.password) }
        #expect(trusted.contains("gongdan_session=") && trusted.contains("Secure"))
    }
}
