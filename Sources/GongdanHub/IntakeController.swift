import Foundation
import GongdanCore
import GongdanStore
import GongdanSync
import Hummingbird
import Logging

/// The 12345 hotline platform's entry point (`sync-protocol/README.md` §5, `POST /api/v1/intake`):
/// a hotline item becomes a ticket of the hub's origin `HUB`, idempotently on its order number.
/// Its fields are checked first (``HotlineItem/checkFields(now:)``: order number format, no
/// control characters, a plausible receipt time); a refusal is `400 malformed_request` and stores nothing.
/// The answer carries the ticket's query code and the public page's path for the caller.
///
/// It takes only the platform's own credential (`gongdan hub intake-token`); a node's sync token
/// is refused here (`403 role_forbidden`), as the intake token is refused on `/sync/*`.
struct IntakeController: Sendable {
    let store: HubStore
    let executor: StoreExecutor
    let now: @Sendable () -> Date

    /// Adds `POST intake` under `group` (`/api/v1`).
    func addRoutes(to group: RouterGroup<HubRequestContext>) {
        group.post("intake") { request, context in
            try await authenticate(request)
            let item = try await JSONBody.decode(HotlineItem.self, from: request, limit: store.limits.maxBodyBytes)
            try ProtocolVersion.current.checkCompatible(withPeer: item.protocol)
            let time = now()
            try item.checkFields(now: time)
            let intake = try item.intakeRequest()
            let store = store
            let outcome = try await executor.run { try store.takeInHotlineItem(intake, now: time) }
            context.logger.info("intake", metadata: [
                "order": "\(item.orderNumber)", "ticket": "\(outcome.ticket)", "result": "\(outcome.result.rawValue)",
            ])
            return JSONBody.response(HotlineIntakeResponse(ticket: outcome.ticket, result: outcome.result.rawValue,
                                                           queryCode: outcome.queryCode, progressPath: "/progress"))
        }
    }

    /// Admits the hotline platform's current token: `401 unauthorized` without a token or with
    /// one this hub did not issue, `403 role_forbidden` for a node's sync credential.
    func authenticate(_ request: Request) async throws {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw SyncError(.unauthorized, "the request carries no bearer token: send `Authorization: Bearer TOKEN` with the intake token `gongdan hub intake-token` printed for the 12345 platform")
        }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        let store = store
        let (intake, issued, node) = try await executor.run {
            (try store.isIntakeToken(token), try store.intakeTokenIssuedAt(), try store.authenticate(token: token))
        }
        if intake { return }
        if let node {
            throw SyncError(.roleForbidden, "this is node \(node.code)'s sync credential; /api/v1/intake takes only the 12345 hotline platform's token — the hub operator issues it with `gongdan hub intake-token`")
        }
        guard issued != nil else {
            throw SyncError(.unauthorized, "this hub has issued no intake token yet: the hub operator runs `gongdan hub intake-token` and gives the token to the 12345 platform")
        }
        throw SyncError(.unauthorized, "the bearer token is not this hub's current intake token (a new one replaces the old); ask the hub operator for the token `gongdan hub intake-token` printed")
    }
}
