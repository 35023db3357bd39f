import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import GongdanHub
import GongdanTesting
import Testing
@testable import GongdanStore

/// Issue 12: idle and half-sent connections are closed, so a client that opens connections and sends
/// nothing cannot lock others out of a hub with few file descriptors. A real hub on 127.0.0.1.
@Suite("Idle connections", .timeLimit(.minutes(1)))
struct IdleConnectionTests {
    @Test("200 idle and half-sent connections are closed after the idle timeout while other clients are served")
    func idleConnectionsClosed() async throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        let app = HubApplication(store: hub.store, host: "127.0.0.1", port: 0, now: { hub.now }, idleTimeout: .seconds(1),
                                 connectionLimits: ConnectionLimits(maxPerAddress: 400))
        try await app.withRunningServer { port in
            // Given 180 connections that send nothing and 20 that send half a request head
            let idle = try (0..<180).map { _ in try RawConnection(port: port) }
            let halfSent = try (0..<20).map { _ in try RawConnection(port: port) }
            for connection in halfSent { connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n") }

            // When another client asks meanwhile, it is served
            let session = URLSession(configuration: .ephemeral)
            let (_, response) = try await session.data(from: URL(string: "http://127.0.0.1:\(port)/healthz")!)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)

            // Then every idle and half-sent connection is closed by the hub (each read waits at most 10 s)
            let started = Date()
            #expect(idle.allSatisfy { $0.closedByHub() })
            #expect(halfSent.allSatisfy { $0.closedByHub() })
            #expect(Date().timeIntervalSince(started) < 10)
        }
    }

    /// Sends `piece` every 300 ms from another thread until the hub closes the connection or 8 s pass.
    static func trickle(_ piece: String, on connection: RawConnection) {
        let fd = connection.fd
        Thread.detachNewThread {
            for _ in 0..<26 {
                let sent = piece.utf8CString.withUnsafeBufferPointer { Glibc.send(fd, $0.baseAddress, $0.count - 1, Int32(MSG_NOSIGNAL)) }
                if sent <= 0 { return }
                Thread.sleep(forTimeInterval: 0.3)
            }
        }
    }

    @Test("a request head or body trickled byte by byte is cut at its deadline, though bytes keep arriving")
    func trickledRequestsCut() async throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        // Given a hub whose idle timeout (30 s) would never fire on a connection that keeps sending
        let app = HubApplication(store: hub.store, host: "127.0.0.1", port: 0, now: { hub.now }, idleTimeout: .seconds(30),
                                 connectionLimits: ConnectionLimits(headTimeout: .seconds(1), bodyTimeout: .seconds(2)))
        try await app.withRunningServer { port in
            // When one client trickles a request head, a header line every 300 ms,
            let head = try RawConnection(port: port)
            head.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            Self.trickle("X-Slow: 1\r\n", on: head)
            // and another sends a whole head announcing 1 MB, then trickles the body a byte every 300 ms
            let body = try RawConnection(port: port)
            body.send("POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\nContent-Type: application/json\r\n\r\n{")
            Self.trickle(" ", on: body)

            // Then the hub closes both at their deadlines, well before the trickle would end
            let started = Date()
            #expect(head.closedByHub())
            #expect(body.closedByHub())
            let waited = Date().timeIntervalSince(started)
            #expect(waited > 0.5 && waited < 6, "closed after \(waited) s")
        }
    }

    @Test("an address holding its maximum of connections gets its next one closed at once; a freed slot serves again")
    func connectionsPerAddressCapped() async throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        let app = HubApplication(store: hub.store, host: "127.0.0.1", port: 0, now: { hub.now },
                                 connectionLimits: ConnectionLimits(maxPerAddress: 4))
        try await app.withRunningServer { port in
            // Given 127.0.0.1 holding four open connections
            var held = try (0..<4).map { _ in try RawConnection(port: port) }
            held[0].send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            var answer = [UInt8](repeating: 0, count: 512)
            #expect(recv(held[0].fd, &answer, answer.count, 0) > 0, "a held connection is served")

            // When it opens a fifth, the hub closes it before any answer
            let fifth = try RawConnection(port: port)
            fifth.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            #expect(fifth.closedByHub())

            // And once two of the four are closed, a new connection is served
            held.removeLast(2)
            try await Task.sleep(for: .milliseconds(200))
            let session = URLSession(configuration: .ephemeral)
            let (_, response) = try await session.data(from: URL(string: "http://127.0.0.1:\(port)/healthz")!)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
        }
    }

    @Test("the trusted proxy's address is not capped: every client behind it shares it")
    func trustedProxyNotCapped() async throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        let app = HubApplication(store: hub.store, host: "127.0.0.1", port: 0, now: { hub.now }, trustedProxy: "127.0.0.1",
                                 connectionLimits: ConnectionLimits(maxPerAddress: 2))
        try await app.withRunningServer { port in
            let held = try (0..<6).map { _ in try RawConnection(port: port) }
            let last = try #require(held.last)
            last.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            var answer = [UInt8](repeating: 0, count: 512)
            let count = recv(last.fd, &answer, answer.count, 0)
            #expect(count > 0 && String(decoding: answer[0..<max(count, 0)], as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        }
    }
}
