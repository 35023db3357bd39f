import Foundation
import GongdanCore
import GongdanStore
import GongdanSync
import Hummingbird
import GongdanWeb

/// The district viewers' web dashboard (DESIGN §6): a login form, a session cookie, the dashboard
/// page and a CSV export of each of its tables. Nothing here is served without a session: a
/// request without one is sent to `/login` (a CSV request gets `401`).
///
/// | route | what |
/// | --- | --- |
/// | `GET /login`, `POST /login` | the form; a right name and password set the session cookie |
/// | `POST /logout` | ends the session |
///
/// `POST /login` and `POST /logout` from another site's page (its `Origin` names another host) are refused
/// with `403` (``RequestOrigin``); a post without `Origin` — older browsers, scripts — is accepted.
/// | `GET /dashboard[?period=2026-10]` | the dashboard |
/// | `GET /dashboard/{table}.csv` | one table as CSV (UTF-8 with BOM): status, overdue, unsigned, units, notices, conflicts, nodes |
struct DashboardController: Sendable {
    /// The session cookie's name.
    static let cookieName = "gongdan_session"
    /// Tickets listed on the page per list (the CSV has them all).
    static let pageListLimit = 100

    let store: HubStore
    let executor: StoreExecutor
    let now: @Sendable () -> Date
    let cache: ScoringCache
    /// The reverse proxy whose `X-Forwarded-For` and `X-Forwarded-Host` are believed (`hub serve --trusted-proxy`), or nil.
    let trustedProxy: String?
    /// Whether the hub itself serves HTTPS (`hub serve --tls-cert`): then the cookie is always `Secure`.
    let servesTLS: Bool
    /// Login attempts per client address.
    let loginLimiter = RateLimiter(.init(burst: 10, perMinute: 10))

    init(store: HubStore, executor: StoreExecutor, now: @escaping @Sendable () -> Date, trustedProxy: String? = nil,
         servesTLS: Bool = false) {
        self.store = store
        self.executor = executor
        self.now = now
        self.trustedProxy = trustedProxy
        self.servesTLS = servesTLS
        cache = ScoringCache(now: now)
    }

    func addRoutes(to router: Router<HubRequestContext>) {
        router.get("login") { request, _ in
            if try await viewer(request) != nil { return Response.redirect(to: "/dashboard", type: .found) }
            return HTMLPage.response(LoginPage.html(district: try await district()))
        }
        router.post("login") { request, context in
            guard context.isSameOrigin(request, trustedProxy: trustedProxy) else {
                return try await crossOriginRefusal(request, context, route: "login")
            }
            if let wait = await loginLimiter.take(for: context.client(of: request, trustedProxy: trustedProxy), now: now()) {
                var response = HTMLPage.response(LoginPage.html(district: try await district(), message: "尝试次数过多，请\(wait)秒后再试。"),
                                                 status: .tooManyRequests)
                response.headers[.retryAfter] = String(wait)
                return response
            }
            let form = try await FormBody.decode(LoginForm.self, from: request)
            guard ViewerPassword.isWithinLimit(form.password) else {
                context.logger.notice("dashboard login refused: password too long", metadata: ["client": "\(context.clientAddress)"])
                return HTMLPage.response(LoginPage.html(district: try await district(), message: Self.passwordTooLong), status: .badRequest)
            }
            guard let token = try await logIn(form) else {
                context.logger.notice("dashboard login refused", metadata: ["viewer": "\(form.name)", "client": "\(context.clientAddress)"])
                return HTMLPage.response(LoginPage.html(district: try await district(), message: "用户名或密码不正确。"),
                                         status: .unauthorized)
            }
            context.logger.info("dashboard login", metadata: ["viewer": "\(form.name)"])
            var response = Response.redirect(to: "/dashboard", type: .normal)
            response.setCookie(Cookie(name: Self.cookieName, value: token, maxAge: Int(HubStore.viewerSessionLifetime), path: "/",
                                      secure: servesTLS || isHTTPSBehindProxy(request, context: context), httpOnly: true, sameSite: .strict))
            return response
        }
        router.post("logout") { request, context in
            guard context.isSameOrigin(request, trustedProxy: trustedProxy) else {
                return try await crossOriginRefusal(request, context, route: "logout")
            }
            if let token = request.cookies[Self.cookieName]?.value {
                let store = store
                try await executor.run { try store.endSession(token) }
            }
            var response = Response.redirect(to: "/login", type: .normal)
            response.setCookie(Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/", secure: servesTLS || isHTTPSBehindProxy(request, context: context),
                                      httpOnly: true, sameSite: .strict))
            return response
        }
        router.get("dashboard") { request, _ in
            guard let viewer = try await viewer(request) else { return Response.redirect(to: "/login", type: .normal) }
            let period = try Self.period(request, now: now())
            let snapshot = try await snapshot(viewer: viewer, period: period, listLimit: Self.pageListLimit)
            return HTMLPage.response(DashboardPage.html(snapshot))
        }
        router.get("dashboard/:file") { request, context in
            guard let viewer = try await viewer(request) else {
                return Response(status: .unauthorized, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: "请先登录：/login\n")))
            }
            let file = context.parameters.get("file") ?? ""
            guard file.hasSuffix(".csv"), DashboardSnapshot.tableIDs.contains(String(file.dropLast(4))) else {
                return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: "没有这个表格：可导出 \(DashboardSnapshot.tableIDs.map { "\($0).csv" }.joined(separator: "、"))\n")))
            }
            let id = String(file.dropLast(4))
            // The snapshot without its lists: the overdue and unsigned lists are streamed page by page.
            let snapshot = try await snapshot(viewer: viewer, period: try Self.period(request, now: now()), listLimit: 0)
            var headers = HTTPFields()
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"gongdan-\(id)-\(CivilDate.inChinaStandardTime(snapshot.now)).csv\""
            headers[.cacheControl] = "no-store"
            let body = DashboardListExport(id: id, snapshot: snapshot, store: store, executor: executor)?.body()
                ?? ResponseBody(byteBuffer: ByteBuffer(string: snapshot.table(id)?.csv() ?? ""))
            return Response(status: .ok, headers: headers, body: body)
        }
    }

    /// What a browser sees when another site's page posts to `/login` or `/logout`.
    static let crossOrigin = "这个请求来自其他网站，已被拒绝。请直接在浏览器地址栏打开本中心的 /login 页面登录或退出。"

    /// `403` with the login form and ``crossOrigin``, logged with the client and the origin it came from.
    func crossOriginRefusal(_ request: Request, _ context: HubRequestContext, route: String) async throws -> Response {
        context.logger.notice("dashboard \(route) refused: cross-origin", metadata: [
            "client": "\(context.clientAddress)", "origin": "\(request.headers[.origin] ?? "-")",
        ])
        return HTMLPage.response(LoginPage.html(district: try await district(), message: Self.crossOrigin), status: .forbidden)
    }

    /// What a viewer sees when the password typed is over ``ViewerPassword/maxBytes``.
    static let passwordTooLong = "密码过长（超过 \(ViewerPassword.maxBytes) 字节），中心发的密码是 24 个字符，形如 K7QM-3XPA-…：请核对后重新输入。"

    /// Checks the form's name and password and opens a session: the stored hash is read on the store's
    /// queue, the password hashed off it (``StoreExecutor/compute(_:)``) — so wrong logins, each tens of
    /// milliseconds of PBKDF2, never hold up the pushes, pulls and pages waiting for the store — and the
    /// session written on it again. Nil for a wrong name or password.
    func logIn(_ form: LoginForm) async throws -> String? {
        let store = store, time = now()
        let stored = try await executor.run { try store.storedPassword(ofViewer: form.name) }
        let matches = await executor.compute {
            ViewerPassword.verify(form.password, against: stored ?? HubStore.absentViewerPassword)
        }
        guard matches, stored != nil else { return nil }
        return try await executor.run { try store.openSession(viewer: form.name, now: time) }
    }

    /// The logged-in viewer of the request's session cookie, or nil.
    func viewer(_ request: Request) async throws -> String? {
        guard let token = request.cookies[Self.cookieName]?.value, !token.isEmpty else { return nil }
        let store = store, time = now()
        return try await executor.run { try store.viewer(session: token, now: time) }
    }

    func district() async throws -> String {
        let store = store
        return try await executor.run { try store.info()?.district ?? "" }
    }

    /// The dashboard's data at the hub's clock; the scoring report is reused while nothing changed.
    func snapshot(viewer: String, period: ScoringPeriod, listLimit: Int?) async throws -> DashboardSnapshot {
        let store = store, executor = executor, time = now()
        let commit = try await executor.runFolded { try store.commitSequence() }
        let report = try await cache.report(period: period, commit: commit) {
            // The page shows rates and counts, never the tickets behind them: no lists, so no need to read every ticket.
            try await executor.runFolded { try store.scoringReport(period: period, asOf: time, weights: nil, explain: false) }
        }
        return try await executor.runFolded {
            try DashboardSnapshot.read(from: store, report: report, viewer: viewer, now: time, listLimit: listLimit)
        }
    }

    /// `?period=2026-10|2026-Q4|2026`, else the current month in China Standard Time.
    static func period(_ request: Request, now: Date) throws -> ScoringPeriod {
        if let text = request.uri.queryParameters.get("period"), !text.isEmpty {
            do {
                return try ScoringPeriod(text)
            } catch {
                throw HTTPError(.badRequest, message: "period=\(text): \(error); write a month 2026-10, a quarter 2026-Q4 or a year 2026")
            }
        }
        let today = CivilDate.inChinaStandardTime(now)
        return try ScoringPeriod.month(today.month, of: today.year)
    }

    /// Whether the client reached the hub over HTTPS through the operator's `--trusted-proxy`, which says
    /// so in `X-Forwarded-Proto`: then the cookie is marked `Secure`. The header is ignored from any other peer.
    func isHTTPSBehindProxy(_ request: Request, context: HubRequestContext) -> Bool {
        guard let trustedProxy, context.clientAddress == trustedProxy else { return false }
        return request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    /// The login form's fields.
    struct LoginForm: Decodable, Sendable {
        var name: String
        var password: String
    }
}
