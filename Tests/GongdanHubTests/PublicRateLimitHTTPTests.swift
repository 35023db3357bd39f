import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GongdanHub
import GongdanTesting
import Testing

/// The public rate limit over real HTTP on 127.0.0.1: behind a reverse proxy on the same machine,
/// each forwarded client has its own bucket.
@Suite("The public rate limit over HTTP", .timeLimit(.minutes(1)))
struct PublicRateLimitHTTPTests {
    @Test func clientsForwardedByALoopbackProxyHaveTheirOwnBuckets() async throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let now = fixture.hub.now
        let app = HubApplication(store: fixture.hub.store, host: "127.0.0.1", port: 0, now: { now }, publicLimit: (burst: 1, perMinute: 1))
        let session = URLSession(configuration: .ephemeral)
        try await app.withRunningServer { port in
            func lookup(from client: String) async throws -> Int {
                var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/public/tickets/WS-26-9999?query=AAAAAA")!)
                request.setValue("203.0.113.9, \(client)", forHTTPHeaderField: "X-Forwarded-For")
                let (_, response) = try await session.data(for: request)
                return (response as! HTTPURLResponse).statusCode
            }
            // Given one lookup allowed per client, when two clients look up once each, both are answered
            let first = try await lookup(from: "198.51.100.1")
            let second = try await lookup(from: "198.51.100.2")
            #expect(first == 404 && second == 404)
            // And when the first looks up again, only it is limited
            let again = try await lookup(from: "198.51.100.1")
            #expect(again == 429)
        }
    }
}
