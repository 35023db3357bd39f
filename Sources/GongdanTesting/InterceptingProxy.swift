import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A man in the middle on 127.0.0.1 for tests: a TCP proxy between a node and the hub that records
/// every byte both ways and may rewrite what the hub answers, as an attacker on the LAN would. It
/// works below TLS: over HTTPS it sees (and can alter) only ciphertext.
public final class InterceptingProxy: @unchecked Sendable {
    /// The port the proxy listens on (127.0.0.1).
    public let port: Int
    private let targetPort: Int
    private let listener: Int32
    private let rewriteAnswer: @Sendable (Data) -> Data
    private let lock = NSLock()
    private var recorded = Data()
    private var sockets: [Int32] = []
    private var stopped = false

    /// Listens on a free port and forwards every connection to `127.0.0.1:targetPort`;
    /// `rewriteAnswer` sees each chunk the hub sends back before the node does.
    public init(targetPort: Int, rewriteAnswer: @escaping @Sendable (Data) -> Data = { $0 }) throws {
        self.targetPort = targetPort
        self.rewriteAnswer = rewriteAnswer
        let listening = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listening, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard listening >= 0, bound == 0, listen(listening, 64) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSDebugDescriptionErrorKey: "the proxy cannot listen (errno \(errno))"])
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listening, $0, &length) }
        }
        listener = listening
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Every byte that crossed the proxy, both ways, in arrival order.
    public var captured: Data {
        lock.withLock { recorded }
    }

    /// Stops listening and cuts every connection.
    public func stop() {
        let open = lock.withLock { () -> [Int32] in
            stopped = true
            defer { sockets = [] }
            return sockets
        }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for socket in open { shutdown(socket, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let hub = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in.loopback(port: targetPort)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(hub, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            let accepted = lock.withLock { () -> Bool in
                guard !stopped else { return false }
                sockets += [client, hub]
                return true
            }
            guard connected == 0, accepted else {
                close(client)
                close(hub)
                continue
            }
            Thread.detachNewThread { [self] in pump(from: client, to: hub, rewrite: nil) }
            Thread.detachNewThread { [self] in pump(from: hub, to: client, rewrite: rewriteAnswer) }
        }
    }

    private func pump(from source: Int32, to destination: Int32, rewrite: (@Sendable (Data) -> Data)?) {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = read(source, &buffer, buffer.count)
            guard count > 0 else { break }
            var chunk = Data(buffer[0..<count])
            lock.withLock { recorded.append(chunk) }
            if let rewrite { chunk = rewrite(chunk) }
            let written = chunk.withUnsafeBytes { bytes -> Bool in
                var offset = 0
                while offset < bytes.count {
                    let sent = send(destination, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                    guard sent > 0 else { return false }
                    offset += sent
                }
                return true
            }
            guard written else { break }
        }
        shutdown(destination, Int32(SHUT_WR))
        shutdown(source, Int32(SHUT_RD))
    }

}

extension Data {
    /// This data with every occurrence of `pattern` replaced by `replacement` (of the same length, so
    /// an HTTP message's `Content-Length` still holds).
    public func replacing(_ pattern: String, with replacement: String) -> Data {
        let from = Data(pattern.utf8), to = Data(replacement.utf8)
        precondition(from.count == to.count, "a rewrite keeps the length")
        var result = self
        var start = result.startIndex
        while let range = result.range(of: from, in: start..<result.endIndex) {
            result.replaceSubrange(range, with: to)
            start = range.upperBound
        }
        return result
    }
}
