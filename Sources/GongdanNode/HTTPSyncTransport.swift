import AsyncHTTPClient
import Foundation
import GongdanCore
import GongdanSync
import NIOCore
import NIOHTTP1
import NIOSSL

/// The sync protocol over HTTP with AsyncHTTPClient (SwiftNIO).
///
/// Foundation's URLSession was the first choice (no extra dependency), but on Linux it drives
/// libcurl by polling: a node waiting on the hub burned a whole core, the one the hub needed on a
/// 2-core machine. AsyncHTTPClient waits on epoll like the hub's own server does.
///
/// Over HTTPS with a pinned CA (``PinnedHubCA``) every request trusts that CA only, and a hub that fails the
/// check is refused at once (``SyncClientError/tlsRefused(url:reason:)``): no token is sent, nothing is stored.
/// With the hub's key pinned (``PinnedHubKey``) every request carries a fresh nonce and every answer must
/// carry the hub's signature over it (``SyncClientError/answerNotSigned(url:fingerprint:)`` otherwise).
public struct HTTPSyncTransport: SyncTransport {
    public let baseURL: URL
    let token: String
    let timeout: TimeAmount
    let client: HTTPClient
    /// The pinned CA's client configuration; nil: the client's default (the system's trust roots).
    let tlsConfiguration: TLSConfiguration?
    /// The hub's pinned key; nil: answers are taken unsigned (a replica that has not pinned it yet).
    let hubKey: PinnedHubKey?
    /// The largest answer read: a pull page is bounded by the hub's `maxPullBytes` plus its envelope.
    static let maxResponseBytes = 64 << 20

    /// - Parameters:
    ///   - hubCA: the CA this node pins for an `https` hub; nil: the system's trust roots.
    ///   - hubKey: the hub's key this node pinned; every answer must be signed with it.
    ///   - client: the HTTP client; by default a process-wide one (never shut down): for `https`, one that
    ///     fails at once when the connection or its TLS check fails instead of retrying until the timeout.
    public init(baseURL: URL, token: String, hubCA: PinnedHubCA? = nil, hubKey: PinnedHubKey? = nil, timeout: TimeInterval = 30,
                client: HTTPClient? = nil) {
        self.baseURL = baseURL
        self.hubKey = hubKey
        self.token = token
        self.timeout = .milliseconds(Int64(timeout * 1000))
        let https = baseURL.scheme?.lowercased() == "https"
        self.client = client ?? (https ? Self.httpsClient : Self.httpClient)
        tlsConfiguration = https ? hubCA?.tlsConfiguration : nil
    }

    /// The process-wide client for plain-HTTP hubs: a hub that refuses the connection (stopped, wrong
    /// port) is reported at once rather than retried until the request's deadline; one that does not
    /// answer the connection at all, after 10 s.
    static let httpClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    /// The process-wide client for HTTPS hubs: a refused certificate is final, so it is not retried,
    /// and neither is a refused connection.
    static let httpsClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        configuration.tlsConfiguration = {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.minimumTLSVersion = .tlsv12
            return tls
        }()
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    public func state() async throws -> SyncState {
        try await send(.GET, "api/v1/sync/state", body: nil)
    }

    public func state(reportingLastSeq lastSeq: Int64) async throws -> SyncState {
        try await send(.GET, "api/v1/sync/state?lastSeq=\(lastSeq)", body: nil)
    }

    public func state(reportingLastSeq lastSeq: Int64?, policyDigest: String?) async throws -> SyncState {
        let query = [lastSeq.map { "lastSeq=\($0)" }, policyDigest.map { "policy=\($0)" }].compactMap { $0 }
        return try await send(.GET, "api/v1/sync/state" + (query.isEmpty ? "" : "?" + query.joined(separator: "&")), body: nil)
    }

    /// Over HTTP the next push travels while the hub stores the one before.
    public var pipelinesPushes: Bool { true }

    public func push(_ batch: OutgoingPush) async throws -> PushResponse {
        try await send(.POST, "api/v1/sync/push", body: batch.encoded())
    }

    public func pull(after cursor: Int64, limit: Int) async throws -> PullResponse {
        try await send(.GET, "api/v1/sync/pull?after=\(cursor)&limit=\(limit)", body: nil) { buffer in
            try buffer.withUnsafeReadableBytes { try PullResponse.decode(from: $0) }
        }
    }

    public func pull(after cursor: Int64, limit: Int, reporting read: SignedClockRead) async throws -> PullResponse {
        let headers = [(ClockReadProof.header, read.proof)] + (read.publicKey.map { [(ClockReadProof.keyHeader, $0)] } ?? [])
        return try await send(.GET, "api/v1/sync/pull?after=\(cursor)&limit=\(limit)&lastSeq=\(read.lastSeq)", body: nil,
                              headers: headers) { buffer in
            try buffer.withUnsafeReadableBytes { try PullResponse.decode(from: $0) }
        }
    }

    func send<Response: Decodable>(
        _ method: HTTPMethod, _ path: String, body: [UInt8]?, headers: [(String, String)] = [],
        decode: (ByteBuffer) throws -> Response = { try GongdanJSON.decoder().decode(Response.self, from: Data($0.readableBytesView)) }
    ) async throws -> Response {
        guard let url = URL(string: path, relativeTo: baseURL) else {
            throw SyncClientError.badResponse(url: baseURL.absoluteString, status: 0, detail: "cannot form a URL for \(path)")
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method
        request.tlsConfiguration = tlsConfiguration
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: ProtocolVersion.header, value: ProtocolVersion.current.description)
        request.headers.add(name: "Accept", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let nonce = HubAnswerSignature.makeNonce()
        if hubKey != nil { request.headers.add(name: HubAnswerSignature.nonceHeader, value: nonce) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let status: Int, data: ByteBuffer, signature: String?
        do {
            let response = try await client.execute(request, timeout: timeout)
            status = Int(response.status.code)
            signature = response.headers.first(name: HubAnswerSignature.signatureHeader)
            data = try await response.body.collect(upTo: Self.maxResponseBytes)
        } catch let error where Self.isTLSFailure(error) {
            throw SyncClientError.tlsRefused(url: baseURL.absoluteString, reason: Self.tlsReason(error))
        } catch {
            throw SyncClientError.unreachable(url: baseURL.absoluteString, reason: Self.reason(error))
        }
        guard (200..<300).contains(status) else {
            if let refusal = try? GongdanJSON.decoder().decode(ErrorResponse.self, from: Data(data.readableBytesView)) {
                throw SyncClientError.refused(refusal.error)
            }
            throw SyncClientError.badResponse(url: url.absoluteString, status: status,
                                              detail: String(decoding: data.readableBytesView.prefix(200), as: UTF8.self))
        }
        if let hubKey, !hubKey.accepts(signature, body: data.readableBytesView, nonce: nonce) {
            throw SyncClientError.answerNotSigned(url: baseURL.absoluteString, fingerprint: hubKey.fingerprint)
        }
        do {
            return try decode(data)
        } catch {
            throw SyncClientError.badResponse(url: url.absoluteString, status: status, detail: "\(error)")
        }
    }

    /// Whether `error` is the TLS handshake or certificate check failing (not the network). A connection
    /// cut during the handshake or before TLS closed it cleanly is the network: the hub is unreachable, and
    /// the advice about CAs would mislead.
    static func isTLSFailure(_ error: any Error) -> Bool {
        if isCutConnection(error) { return false }
        return error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError
    }

    /// Whether `error` is a TLS connection that ended early (EOF in the handshake, an unclean shutdown).
    static func isCutConnection(_ error: any Error) -> Bool {
        guard let error = error as? NIOSSLError else { return false }
        if case .uncleanShutdown = error { return true }
        return "\(error)".contains("EOF during handshake")
    }

    /// The short name of a TLS failure: BoringSSL's reason code (`CERTIFICATE_VERIFY_FAILED`,
    /// `WRONG_VERSION_NUMBER` …) rather than its whole error stack, or the host name check.
    static func tlsReason(_ error: any Error) -> String {
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return "the certificate does not name this host"
        }
        let text = "\(error)"
        let codes = ["CERTIFICATE_VERIFY_FAILED", "WRONG_VERSION_NUMBER", "CERTIFICATE_EXPIRED", "UNSUPPORTED_PROTOCOL",
                     "TLSV1_ALERT_PROTOCOL_VERSION", "HANDSHAKE_FAILURE"]
        return codes.first { text.contains($0) } ?? text
    }

    /// A readable reason for a failed exchange ("connection refused", "timed out", …).
    static func reason(_ error: any Error) -> UnreachableReason {
        if isCutConnection(error) { return .cutDuringTLS }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return .timedOut
            case .remoteConnectionClosed: return .closedByHub
            default: break
            }
        }
        let text = "\(error)"
        // The socket's own words (NIO's IOError): "connect(…): Connection refused (errno: 111)".
        if text.localizedCaseInsensitiveContains("connection refused") || text.contains("errno: 111") { return .refused }
        return .other(text)
    }
}
