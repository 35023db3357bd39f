import Foundation
import GongdanCore
import GongdanNode
import GongdanStore
import GongdanSync
import GongdanText
import GongdanWeb
import Hummingbird

/// The desk's routes: thin shells that read a form, call the node service on the replica's queue and
/// draw a page. Every page but sign-in needs a clerk's session; every post carries the session's CSRF
/// token and must come from the desk's own pages (``RequestOrigin``).
///
/// | route | what |
/// | --- | --- |
/// | `GET /login`, `POST /login` | who is working (and the password, when set) |
/// | `POST /logout` | ends the session |
/// | `GET /` | the to-do lists |
/// | `GET /tickets/{code}` | the ticket: facts, a form per allowed action, the timeline |
/// | `POST /tickets/{code}/{action}` | performs an action (`sign`, `reply`, `dispatch` … as ``TicketAction``) |
/// | `GET /tickets/{code}/print` | the A4 sheet |
/// | `GET /intake`, `POST /intake` | takes in a report, after showing likely duplicates |
/// | `GET /search?q=` | tickets by code, entity, credit code, summary or phone |
/// | `POST /sync` | syncs with the hub now |
struct DeskController: Sendable {
    static let cookieName = "gongdan_desk"

    /// The node service of the replica, for what no clerk does (the sign-in page); a clerk's has their name.
    let node: NodeService
    let queue: BlockingQueue
    let access: DeskAccess
    let language: Language
    let software: String
    let sessions = DeskSessions()
    let syncGate = SyncGate()
    /// Sign-in attempts per client address (they matter when a password is set).
    let loginLimiter = RateLimiter(.init(burst: 10, perMinute: 10))

    private var l: Language { language }
    private var now: @Sendable () -> Date { node.now }

    /// A signed-in clerk's request: the session and its node service.
    struct Clerk: Sendable {
        var token: String
        var session: DeskSessions.Session
        var service: NodeService
    }

    func addRoutes(to router: Router<ClientRequestContext>) {
        router.get("login") { request, _ in
            if try await clerk(request) != nil { return Response.redirect(to: "/", type: .found) }
            return try await loginPage()
        }
        router.post("login") { request, context in try await logIn(request, context) }
        router.post("logout") { request, context in
            guard let clerk = try await clerk(request) else { return Response.redirect(to: "/login", type: .normal) }
            let form = try await FormFields.read(from: request)
            if let refusal = try await refuseForgery(request, context, form: form, clerk: clerk) { return refusal }
            await sessions.close(clerk.token)
            var response = Response.redirect(to: "/login", type: .normal)
            response.setCookie(Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        router.get("") { request, _ in
            try await signedIn(request) { clerk in
                let list = try await queue.run { try clerk.service.workList() }
                let units = try await queue.run { try clerk.service.unitNames() }
                return try await page(clerk, path: "/", title: l.pick("待办", "To do"),
                                      content: TodoPage(language: l, list: list, units: units).content,
                                      flash: flash(request), error: warning(request))
            }
        }
        router.get("intake") { request, _ in
            try await signedIn(request) { clerk in
                let role = try await queue.run { try clerk.service.identity().role }
                let intake = IntakePage(language: l, form: IntakeForm(language: l, role: role), csrf: clerk.session.csrf)
                return try await page(clerk, path: "/intake", title: l.pick("新建工单", "New ticket"), content: intake.content)
            }
        }
        router.post("intake") { request, context in
            try await signedIn(request) { clerk in try await takeIn(request, context, clerk) }
        }
        router.get("search") { request, _ in
            try await signedIn(request) { clerk in
                let query = request.uri.queryParameters.get("q")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                let results = try await queue.run { try clerk.service.searchTickets(query) }
                let units = try await queue.run { try clerk.service.unitNames() }
                let search = SearchPage(language: l, query: query, results: results, units: units)
                return try await page(clerk, path: "/search", title: l.pick("搜索", "Search"), content: search.content)
            }
        }
        router.get("tickets/:code") { request, context in
            try await signedIn(request) { clerk in
                let code = try context.parameters.require("code")
                return try await ticketPage(clerk, code: code, flash: flash(request), error: warning(request),
                                            wholeTimeline: request.uri.queryParameters.get("all") == "1")
            }
        }
        router.get("tickets/:code/print") { request, context in
            try await signedIn(request) { clerk in
                let code = try context.parameters.require("code")
                do {
                    let (detail, identity) = try await queue.run { (try clerk.service.detail(of: code), try clerk.service.identity()) }
                    let sheet = PrintSheet(language: l, detail: detail, identity: identity, now: now(), printedBy: clerk.session.person)
                    return HTMLPage.response(sheet.html)
                } catch {
                    return try await page(clerk, path: "/", title: code, content: "", error: words(error), status: .notFound)
                }
            }
        }
        router.post("tickets/:code/:action") { request, context in
            try await signedIn(request) { clerk in
                let code = try context.parameters.require("code")
                let action = try context.parameters.require("action")
                return try await perform(request, context, clerk, code: code, actionName: action)
            }
        }
        router.post("sync") { request, context in
            try await signedIn(request) { clerk in try await sync(request, context, clerk) }
        }
    }

    // MARK: - Sessions

    /// The clerk whose session cookie the request carries, if it is live.
    func clerk(_ request: Request) async throws -> Clerk? {
        let token = request.cookies[Self.cookieName]?.value
        guard let session = await sessions.session(token, now: now()), let token else { return nil }
        return Clerk(token: token, session: session, service: node.acting(as: session.person))
    }

    /// Runs `work` for a signed-in clerk; anyone else is sent to sign in.
    func signedIn(_ request: Request, _ work: (Clerk) async throws -> Response) async throws -> Response {
        guard let clerk = try await clerk(request) else {
            return Response.redirect(to: "/login", type: request.method == .get ? .found : .normal)
        }
        return try await work(clerk)
    }

    func loginPage(message: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let node = node
        let (identity, names) = try await queue.run { (try node.identity(), try node.recentPeople()) }
        let login = DeskLoginPage(language: l, knownNames: names, needsPassword: access.password != nil, message: message)
        let frame = DeskFrame(language: l, identity: identity, clerk: nil, sync: nil, path: "/login")
        return HTMLPage.response(frame.page(title: l.pick("办理人", "Sign in"), content: login.content), status: status)
    }

    func logIn(_ request: Request, _ context: ClientRequestContext) async throws -> Response {
        guard context.isSameOrigin(request, trustedProxy: nil) else {
            return try await loginPage(message: l.pick("请从本工作台的页面登录。", "Sign in from this desk's own page."), status: .forbidden)
        }
        if access.password != nil, let wait = await loginLimiter.take(for: context.clientAddress, now: now()) {
            return try await loginPage(message: l.pick("尝试次数过多，请 \(wait) 秒后再试。", "Too many attempts: try again in \(wait) s."),
                                       status: .tooManyRequests)
        }
        let form = try await FormFields.read(from: request)
        // A clerk's name is a person's name: the core's limit for one (trimmed, no control characters).
        guard let person = try? TextLimit.contact.checked(form.text("person") ?? "", "--as", "who is working") else {
            return try await loginPage(message: l.pick("请填写办理人姓名（不超过 \(TextLimit.contact.rawValue) 个字）。",
                                                       "Give your name (at most \(TextLimit.contact.rawValue) characters)."),
                                       status: .badRequest)
        }
        guard access.accepts(password: form.text("password")) else {
            return try await loginPage(message: l.pick("密码不正确。", "Wrong password."), status: .unauthorized)
        }
        let token = await sessions.open(person: person, now: now())
        var response = Response.redirect(to: "/", type: .normal)
        response.setCookie(Cookie(name: Self.cookieName, value: token, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    /// A post without the session's CSRF token, or from another site's page, is refused; nothing changes.
    func refuseForgery(_ request: Request, _ context: ClientRequestContext, form: FormFields, clerk: Clerk) async throws -> Response? {
        let token = form.text("csrf") ?? ""
        guard context.isSameOrigin(request, trustedProxy: nil), ConstantTime.equals(token, clerk.session.csrf) else {
            return try await page(clerk, path: "/", title: l.pick("请重新提交", "Send again"), content: "",
                                  error: l.pick("这张表单已过期或不是从本工作台提交的，什么也没有记录。请返回工单页面重新填写提交。",
                                                "This form has expired or did not come from this desk; nothing was recorded. Go back to the ticket and send it again."),
                                  status: .forbidden)
        }
        return nil
    }

    // MARK: - Pages

    /// A page in the desk's frame, with the replica's sync state.
    func page(_ clerk: Clerk, path: String, title: String, content: String, flash: String? = nil, error: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let service = clerk.service
        let (identity, sync) = try await queue.run { (try service.identity(), try service.syncState()) }
        let frame = DeskFrame(language: l, identity: identity, clerk: (clerk.session.person, clerk.session.csrf), sync: sync, path: path)
        return HTMLPage.response(frame.page(title: title, content: content, flash: flash, error: error), status: status)
    }

    func ticketPage(_ clerk: Clerk, code: String, flash: String? = nil, error: String? = nil,
                    refused: (action: TicketAction, form: FormFields)? = nil, wholeTimeline: Bool = false,
                    status: HTTPResponse.Status = .ok) async throws -> Response {
        let path = "/tickets/\(TicketCode.normalized(code))"
        do {
            let service = clerk.service
            let ticket = try await queue.run {
                let detail = try service.detail(of: code)
                return TicketPage(language: l, detail: detail, now: service.now(), calendar: try service.calendar(),
                                  actions: try service.allowedActions(on: detail.state), directory: try service.directory(),
                                  csrf: clerk.session.csrf, maxExtensionDays: try service.largestExtension(), refused: refused,
                                  wholeTimeline: wholeTimeline)
            }
            return try await page(clerk, path: path, title: ticket.title, content: ticket.content, flash: flash, error: error, status: status)
        } catch {
            return try await page(clerk, path: "/", title: code, content: "", error: words(error), status: .notFound)
        }
    }

    /// Performs a form's action; a refusal shows the ticket again with the message and what was filled in.
    func perform(_ request: Request, _ context: ClientRequestContext, _ clerk: Clerk, code: String, actionName: String) async throws -> Response {
        let form = try await FormFields.read(from: request)
        if let refusal = try await refuseForgery(request, context, form: form, clerk: clerk) { return refusal }
        guard let action = TicketAction(rawValue: actionName), NodeService.formActions.contains(action) else {
            return try await ticketPage(clerk, code: code, error: l.pick("没有这项操作：请从工单页面上的表单提交。", "No such action: use the forms on the ticket's page."),
                                        status: .notFound)
        }
        let service = clerk.service
        do {
            let maxDays = try await queue.run { try service.largestExtension() }
            let command = try ActionForm(action: action, language: l, maxExtensionDays: maxDays).command(from: form)
            let state = try await queue.run { try service.perform(command, on: code).state }
            return Response.redirect(to: "/tickets/\(state.code)?done=\(action.rawValue)", type: .normal)
        } catch {
            return try await ticketPage(clerk, code: code, error: words(error), refused: (action, form), status: .unprocessableContent)
        }
    }

    /// Takes in a report: likely duplicates are shown first, until the clerk says it is not a repeat.
    func takeIn(_ request: Request, _ context: ClientRequestContext, _ clerk: Clerk) async throws -> Response {
        let form = try await FormFields.read(from: request)
        if let refusal = try await refuseForgery(request, context, form: form, clerk: clerk) { return refusal }
        let service = clerk.service
        let role = try await queue.run { try service.identity().role }
        let intakeForm = IntakeForm(language: l, role: role)
        var intake = IntakePage(language: l, form: intakeForm, csrf: clerk.session.csrf, filled: form)
        do {
            let request = try intakeForm.request(from: form)
            if form.text("notDuplicate") == nil {
                let duplicates = try await queue.run { try service.likelyDuplicates(of: request) }
                if !duplicates.isEmpty {
                    intake.duplicates = duplicates
                    return try await page(clerk, path: "/intake", title: l.pick("新建工单", "New ticket"), content: intake.content, status: .conflict)
                }
            }
            let state = try await queue.run { try service.createTicket(request) }
            return Response.redirect(to: "/tickets/\(state.code)?done=create", type: .normal)
        } catch {
            return try await page(clerk, path: "/intake", title: l.pick("新建工单", "New ticket"), content: intake.content, error: words(error),
                                  status: .unprocessableContent)
        }
    }

    /// Syncs now and goes back to the page the button was on, saying how it went.
    func sync(_ request: Request, _ context: ClientRequestContext, _ clerk: Clerk) async throws -> Response {
        let form = try await FormFields.read(from: request)
        if let refusal = try await refuseForgery(request, context, form: form, clerk: clerk) { return refusal }
        let back = Self.localPath(form.text("return"))
        guard await syncGate.enter() else {
            return Response.redirect(to: Self.adding("sync=busy", to: back), type: .normal)
        }
        let outcome: String
        do {
            let words = ErrorText(language: l)
            let session = try clerk.service.syncSession(software: software) { words.message(for: $0) ?? "\($0)" }
            let report = try await session.run()
            outcome = "sync=ok&changed=\(report.changes.count)"
        } catch {
            outcome = "sync=failed"
        }
        await syncGate.leave()
        return Response.redirect(to: Self.adding(outcome, to: back), type: .normal)
    }

    // MARK: - Words

    /// The message for an error, as the CLI words it.
    func words(_ error: any Error) -> String {
        if let error = error as? DeskError { return error.message(in: l) }
        return ErrorText(language: l, nextSteps: .forms).message(for: error) ?? l.pick("出错了：\(error)", "Something went wrong: \(error)")
    }

    /// What the last post did, from the query the redirect after it carries (`done=sign`, `sync=ok`).
    func flash(_ request: Request) -> String? {
        let query = request.uri.queryParameters
        if let done = query.get("done") {
            if done == "create" { return l.pick("已受理。", "Taken in.") }
            return TicketAction(rawValue: done).map { l.pick("已完成：\(Labels(language: l).action($0))。", "Done: \(Labels(language: l).action($0)).") }
        }
        switch query.get("sync") {
        case "ok":
            let changed = query.get("changed").flatMap(Int.init) ?? 0
            return changed > 0 ? l.pick("已同步，\(changed) 件工单有变化。", "Synced; \(changed) ticket(s) changed.")
                : l.pick("已同步，没有新的变化。", "Synced; nothing new.")
        default:
            return nil
        }
    }

    /// What the last sync press could not do, shown as a warning.
    func warning(_ request: Request) -> String? {
        switch request.uri.queryParameters.get("sync") {
        case "failed":
            return l.pick("这次没能同步（原因见上方）。工作都保存在本机，稍后再点「同步」。", "The sync failed (see above). Work is kept here; press Sync again later.")
        case "busy":
            return l.pick("正在同步，请稍候再看。", "A sync is running; look again in a moment.")
        default:
            return nil
        }
    }

    /// `path` when it is a path of this desk, else `/` (a form cannot send the clerk elsewhere).
    static func localPath(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
              !path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return "/" }
        return path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
    }

    static func adding(_ query: String, to path: String) -> String { "\(path)?\(query)" }
}
