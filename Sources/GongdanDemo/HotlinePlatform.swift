import AsyncHTTPClient
import Foundation
import GongdanCore
import GongdanHub
import GongdanSync
import NIOCore

/// The 12345 hotline platform as the demo plays it: posts items to the hub's
/// `POST /api/v1/intake` with the platform's own bearer token, as the real platform does.
struct HotlinePlatform: Sendable {
    let hubURL: URL
    let token: String

    /// Posts one item; returns the ticket code the hub answered with.
    func post(_ item: HotlineItem) async throws -> String {
        var request = HTTPClientRequest(url: hubURL.appendingPathComponent("api/v1/intake").absoluteString)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: ProtocolVersion.header, value: ProtocolVersion.current.description)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try GongdanJSON.encoder().encode(item)))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        let data = Data(body.readableBytesView)
        guard (200..<300).contains(Int(response.status.code)) else {
            throw DemoError.intakeRefused(status: Int(response.status.code), body: String(decoding: data.prefix(300), as: UTF8.self))
        }
        return try GongdanJSON.decoder().decode(HotlineIntakeResponse.self, from: data).ticket
    }
}
