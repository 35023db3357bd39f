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
    /// A TCP connection to 127.0.0.1:`port` that reads with a 10-second timeout.
    final class RawConnection {
        let fd: Int32

        init(port: Int) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        func send(_ text: String) {
            _ = text.utf8CString.withUnsafeBufferPointer { Glibc.send(fd, $0.baseAddress, $0.count - 1, 0) }
        }

        /// Whether the hub closed the connection (a read returns end of file) within the read timeout.
        func closedByHub() -> Bool {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count == 0 { return true }
                if count < 0 { return false }  // timed out: still open
            }
        }

        deinit { close(fd) }
    }

    @Test("idle and half-sent connections are closed after the idle timeout while other clients are served")
    func idleConnectionsClosed() async throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        let app = HubApplication(store: hub.store, host: "127.0.0.1", port: 0, now: { hub.now }, idleTimeout: .seconds(1))
        try await app.withRunningServer { port in
            // Given 40 connections that send nothing and 10 that send half a request head
            let idle = try (0..<40).map { _ in try RawConnection(port: port) }
            let halfSent = try (0..<10).map { _ in try RawConnection(port: port) }
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
}
