import Foundation
import GongdanSync
import Hummingbird

/// Requires the `Gongdan-Protocol` header on the sync API and refuses another major version
/// (`426 unsupported_protocol`, saying which side must upgrade).
struct ProtocolHeaderMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let text = request.headers[.gongdanProtocol] else {
            throw SyncError(.unsupportedProtocol, "the request has no \(ProtocolVersion.header) header; this hub speaks protocol \(ProtocolVersion.current) — upgrade gongdan on the node")
        }
        guard let version = ProtocolVersion(text.trimmingCharacters(in: .whitespaces)) else {
            throw SyncError(.unsupportedProtocol, "\(ProtocolVersion.header): '\(text)' is not MAJOR.MINOR; this hub speaks protocol \(ProtocolVersion.current)")
        }
        try ProtocolVersion.current.checkCompatible(withPeer: version)
        return try await next(request, context)
    }
}
