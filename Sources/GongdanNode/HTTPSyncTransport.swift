import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GongdanCore
import GongdanSync

/// The sync protocol over HTTP with Foundation's URLSession (libcurl on Linux): no extra
/// dependency, and sync sends few, large requests, so its per-request cost does not matter.
public struct HTTPSyncTransport: SyncTransport {
    public let baseURL: URL
    let token: String
    let session: URLSession

    public init(baseURL: URL, token: String, timeout: TimeInterval = 30) {
        self.baseURL = baseURL
        self.token = token
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 4
        // Pages are applied once and never fetched again: caching them only costs memory.
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    public func state() async throws -> SyncState {
        try await send("GET", "api/v1/sync/state", body: nil)
    }

    public func push(_ batch: OutgoingPush) async throws -> PushResponse {
        try await send("POST", "api/v1/sync/push", body: Data(batch.encoded()))
    }

    public func pull(after cursor: Int64, limit: Int) async throws -> PullResponse {
        try await send("GET", "api/v1/sync/pull?after=\(cursor)&limit=\(limit)", body: nil, decode: PullResponse.decode(from:))
    }

    func send<Response: Decodable>(_ method: String, _ path: String, body: Data?,
                                   decode: (Data) throws -> Response = { try GongdanJSON.decoder().decode(Response.self, from: $0) })
        async throws -> Response {
        guard let url = URL(string: path, relativeTo: baseURL) else {
            throw SyncClientError.badResponse(url: baseURL.absoluteString, status: 0, detail: "cannot form a URL for \(path)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue(ProtocolVersion.current.description, forHTTPHeaderField: ProtocolVersion.header)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = body
        }
        let data: Data, response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw SyncClientError.unreachable(url: baseURL.absoluteString, reason: error.localizedDescription)
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let decoder = GongdanJSON.decoder()
        guard (200..<300).contains(status) else {
            if let refusal = try? decoder.decode(ErrorResponse.self, from: data) {
                throw SyncClientError.refused(refusal.error)
            }
            throw SyncClientError.badResponse(url: url.absoluteString, status: status,
                                              detail: String(decoding: data.prefix(200), as: UTF8.self))
        }
        do {
            return try decode(data)
        } catch {
            throw SyncClientError.badResponse(url: url.absoluteString, status: status, detail: "\(error)")
        }
    }
}
