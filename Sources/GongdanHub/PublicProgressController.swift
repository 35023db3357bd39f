import Foundation
import GongdanCore
import GongdanStore
import GongdanSync
import Hummingbird
import GongdanWeb

/// The business entity's public progress page and its JSON API (DESIGN §6), without a login:
/// ticket code + query code (查询码) → the progress in plain words, and once the reply was accepted,
/// the entity's own evaluation, recorded as an event of the hub's origin `HUB` (channel `publicPage`).
///
/// Every lookup and evaluation takes a token from the client address's bucket (``RateLimiter``):
/// an empty bucket answers `429` with `Retry-After`. A wrong query code gets exactly the answer of a
/// missing ticket.
///
/// | route | what |
/// | --- | --- |
/// | `GET /progress` | the lookup form |
/// | `POST /progress` | form `code`, `query` → the progress page |
/// | `POST /progress/evaluation` | form `code`, `query`, `satisfaction`, `resolved` (`yes`/`no`) |
/// | `GET /api/v1/public/tickets/{code}?query=` | ``PublicTicketResponse`` |
/// | `POST /api/v1/public/tickets/{code}/evaluation` | ``PublicEvaluationRequest`` → ``PublicTicketResponse`` |
struct PublicProgressController: Sendable {
    let store: HubStore
    let executor: StoreExecutor
    let now: @Sendable () -> Date
    let limiter: RateLimiter
    /// The reverse proxy whose `X-Forwarded-For` names the client (`hub serve --trusted-proxy`), or nil.
    let trustedProxy: String?

    /// The page's "not found" line, the same for a missing ticket and a wrong query code.
    static let notFound = "未查询到与该工单编号和查询码相符的工单，请核对后再试。"

    /// The page's answer to an evaluation of a ticket a unit took in at its window (`not_evaluable`).
    static let revisitOnly = "本工单由承办单位窗口受理，不在本页评价：区工作站将回访您，听取并记录您的评价。"

    func addRoutes(to router: Router<HubRequestContext>) {
        router.get("progress") { _, _ in
            HTMLPage.response(PublicProgressPage.form(district: try await district()))
        }
        router.post("progress") { request, context in
            let district = try await district()
            if let wait = await limiter.take(for: context.client(of: request, trustedProxy: trustedProxy), now: now()) { return tooManyPage(district, wait: wait) }
            let form = try await FormBody.decode(LookupForm.self, from: request)
            let store = store
            guard let progress = try await executor.runFolded({ try store.publicProgress(ticket: form.code, queryCode: form.query) }) else {
                return HTMLPage.response(PublicProgressPage.form(district: district, message: Self.notFound), status: .notFound)
            }
            return HTMLPage.response(PublicProgressPage.progress(district: district, progress, query: form.query))
        }
        router.post("progress/evaluation") { request, context in
            let district = try await district()
            if let wait = await limiter.take(for: context.client(of: request, trustedProxy: trustedProxy), now: now()) { return tooManyPage(district, wait: wait) }
            let form = try await FormBody.decode(EvaluationForm.self, from: request)
            guard let satisfaction = Satisfaction(rawValue: form.satisfaction), satisfaction != .unreachable else {
                return HTMLPage.response(PublicProgressPage.form(district: district, message: "请选择满意、基本满意或不满意。"),
                                         status: .badRequest)
            }
            let store = store, time = now()
            do {
                let progress = try await executor.runFolded {
                    try store.evaluatePublicly(ticket: form.code, queryCode: form.query, satisfaction: satisfaction,
                                               resolved: form.resolved == "yes", now: time)
                }
                context.logger.info("public evaluation", metadata: ["ticket": "\(progress.ticket)", "satisfaction": "\(satisfaction.rawValue)"])
                return HTMLPage.response(PublicProgressPage.progress(district: district, progress, query: form.query,
                                                                     message: "评价已提交，感谢您的评价。"))
            } catch let error as SyncError where error.code == .notFound {
                return HTMLPage.response(PublicProgressPage.form(district: district, message: Self.notFound), status: .notFound)
            } catch let error as SyncError where error.code == .notEvaluable {
                let progress = try await executor.runFolded { try store.publicProgress(ticket: form.code, queryCode: form.query) }
                guard let progress else {
                    return HTMLPage.response(PublicProgressPage.form(district: district, message: Self.notFound), status: .notFound)
                }
                let message = progress.revisitOnly ? Self.revisitOnly : "当前无需评价：工单\(progress.statusText)。"
                return HTMLPage.response(PublicProgressPage.progress(district: district, progress, query: form.query,
                                                                     message: message),
                                         status: .conflict)
            }
        }

        let api = router.group("api/v1/public/tickets")
        api.get(":code") { request, context in
            try await limit(request, context)
            let code = context.parameters.get("code") ?? ""
            let query = request.uri.queryParameters.get("query") ?? ""
            let store = store
            guard let progress = try await executor.runFolded({ try store.publicProgress(ticket: code, queryCode: query) }) else {
                throw HubStore.noSuchPublicTicket
            }
            return JSONBody.response(PublicTicketResponse(progress: progress))
        }
        api.post(":code/evaluation") { request, context in
            try await limit(request, context)
            let code = context.parameters.get("code") ?? ""
            let body = try await JSONBody.decode(PublicEvaluationRequest.self, from: request, limit: FormBody.limit)
            if let version = body.protocol { try ProtocolVersion.current.checkCompatible(withPeer: version) }
            let store = store, time = now()
            let progress = try await executor.runFolded {
                try store.evaluatePublicly(ticket: code, queryCode: body.query, satisfaction: body.satisfaction,
                                           resolved: body.resolved, now: time)
            }
            context.logger.info("public evaluation", metadata: ["ticket": "\(progress.ticket)", "satisfaction": "\(body.satisfaction.rawValue)"])
            return JSONBody.response(PublicTicketResponse(progress: progress))
        }
    }

    /// Takes a token for the caller, or throws `429 rate_limited` (with `Retry-After`).
    func limit(_ request: Request, _ context: HubRequestContext) async throws {
        if let wait = await limiter.take(for: context.client(of: request, trustedProxy: trustedProxy), now: now()) {
            throw RateLimitedError(seconds: wait)
        }
    }

    func tooManyPage(_ district: String, wait: Int) -> Response {
        var response = HTMLPage.response(PublicProgressPage.form(district: district, message: "查询过于频繁，请\(wait)秒后再试。"),
                                         status: .tooManyRequests)
        response.headers[.retryAfter] = String(wait)
        return response
    }

    func district() async throws -> String {
        let store = store
        return try await executor.run { try store.info()?.district ?? "" }
    }

    struct LookupForm: Decodable {
        var code: String
        var query: String
    }

    struct EvaluationForm: Decodable {
        var code: String
        var query: String
        var satisfaction: String
        /// `yes` or `no`.
        var resolved: String
    }
}
