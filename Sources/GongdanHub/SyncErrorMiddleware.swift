import Foundation
import GongdanCore
import GongdanSync
import Hummingbird
import NIOHTTP1

/// The one place where errors become HTTP responses: a `SyncError` travels with its status and an
/// `ErrorResponse` JSON body; Hummingbird's own errors (a body over the limit, an unknown route)
/// are put in the same shape, and so is a request whose framing the HTTP parser rejects mid-body (a body
/// shorter than its `Content-Length`, broken chunks: `400 malformed_request`); anything else is a `storage_failure` (503), logged. Every refusal is
/// counted in `/metrics` and logged as one line: the client's address, the method and path, the code.
struct SyncErrorMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    /// Counts refusals by code, when given.
    var metrics: HubMetrics?

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as SyncError {
            refused(error, request, context)
            return Self.response(for: error)
        } catch let error as RateLimitedError {
            refused(error.syncError, request, context)
            var response = Self.response(for: error.syncError)
            response.headers[.retryAfter] = String(error.seconds)
            return response
        } catch let error as HTTPParserError {
            let refusal = SyncError(.malformed, "the request could not be read (\(error)): send a body as long as its Content-Length says, or well-formed chunks")
            refused(refusal, request, context)
            return Self.response(for: refusal)
        } catch let error as any HTTPResponseError {
            let refusal = Self.syncError(from: error, path: request.uri.path)
            refused(refusal, request, context)
            return Self.response(for: refusal)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return Self.response(for: SyncError(.storage, "the hub failed to answer (\(error)); retry later, and tell the hub operator if it persists"))
        }
    }

    /// Counts and logs a refusal (the log handler escapes what a client wrote into the line).
    private func refused(_ error: SyncError, _ request: Request, _ context: Context) {
        metrics?.recordRefusal(error)
        context.logger.notice("refused", metadata: [
            "client": "\(context.clientAddress)", "method": "\(request.method.rawValue)", "path": "\(request.uri.path)",
            "status": "\(error.code.httpStatus)", "code": "\(error.code.rawValue)",
        ])
    }

    /// Hummingbird's HTTP errors in the protocol's terms.
    static func syncError(from error: any HTTPResponseError, path: String) -> SyncError {
        switch error.status.code {
        case 413: SyncError(.tooLarge, "the request body is over \(SyncLimits.default.maxBodyBytes) bytes; send smaller batches (at most limits.maxPushEvents events)")
        case 404: SyncError(.notFound, "no such endpoint \(path); the sync API is under /api/v1/sync (state, push, pull); the 12345 intake is POST /api/v1/intake")
        case 405: SyncError(.notFound, "\(path) does not take this method; see sync-protocol/README.md §5")
        case 400: SyncError(.malformed, "the request could not be read: \(error)")
        default: SyncError(.storage, "the hub failed to answer (HTTP \(error.status.code)); retry later")
        }
    }

    /// The response for a refusal: its status and `{"protocol","error":{"code","message"}}`.
    static func response(for error: SyncError) -> Response {
        JSONBody.response(ErrorResponse(error: error), status: HTTPResponse.Status(code: error.code.httpStatus))
    }
}
