import Foundation
import GongdanCore
import GongdanSync
import Hummingbird

/// The one place where errors become HTTP responses: a `SyncError` travels with its status and an
/// `ErrorResponse` JSON body; Hummingbird's own errors (a body over the limit, an unknown route)
/// are put in the same shape; anything else is a `storage_failure` (503), logged.
struct SyncErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Counts refusals by code, when given.
    var metrics: HubMetrics?

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as SyncError {
            metrics?.recordRefusal(error)
            return Self.response(for: error)
        } catch let error as RateLimitedError {
            var response = Self.response(for: error.syncError)
            response.headers[.retryAfter] = String(error.seconds)
            return response
        } catch let error as any HTTPResponseError {
            let refusal = Self.syncError(from: error, path: request.uri.path)
            metrics?.recordRefusal(refusal)
            return Self.response(for: refusal)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return Self.response(for: SyncError(.storage, "the hub failed to answer (\(error)); retry later, and tell the hub operator if it persists"))
        }
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
