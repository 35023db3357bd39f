import GongdanWeb
import Hummingbird

/// Refuses a request whose `Host` the desk does not answer to (``DeskAccess/acceptsHost(_:)``): on
/// loopback, a page from elsewhere that renamed itself to `127.0.0.1` (DNS rebinding) reads nothing.
struct DeskHostMiddleware: RouterMiddleware {
    typealias Context = ClientRequestContext
    let access: DeskAccess

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard access.acceptsHost(request.head.authority) else {
            return HTMLPage.response("<!doctype html><meta charset=\"utf-8\"><p>请用 http://127.0.0.1 打开本机的工单办理台。</p><p lang=\"en\">Open the desk at http://127.0.0.1 on this PC.</p>",
                                     status: .misdirectedRequest)
        }
        return try await next(request, context)
    }
}
