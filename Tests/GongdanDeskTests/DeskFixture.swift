import Foundation
import GongdanCore
import GongdanDesk
import GongdanNode
import GongdanStore
import GongdanSync
import GongdanTesting
import GongdanText
import Hummingbird
import HummingbirdTesting

/// A hub store and two replicas on real SQLite files — the workstation WS and the township DX — synced
/// in-process (``DirectSyncTransport``), with one ticket taken in at WS and dispatched to DX; and the
/// desk of either replica, for HummingbirdTesting.
struct DeskFixture {
    let directory: TemporaryDirectory
    let hub: HubStore
    let ws: NodeService
    let dx: NodeService
    let tokens: [String: String]
    let now = Fixtures.cst("2026-10-20 09:00")
    /// The ticket dispatched to DX.
    let code: String

    init() async throws {
        directory = try TemporaryDirectory("gongdan-desk")
        let setUp = Fixtures.cst("2026-09-01 09:00")
        hub = try HubStore(path: directory.path("hub.sqlite"))
        try hub.initialize(district: "港南区", at: setUp)
        var tokens: [String: String] = [:]
        for (node, role, name) in [("WS", Role.workstation, "区工作站"), ("DX", .township, "东兴镇")] {
            tokens[node] = try hub.registerNode(code: node, role: role, name: name, at: setUp).token
        }
        self.tokens = tokens
        let now = self.now
        ws = NodeService(store: try ReplicaStore(path: directory.path("ws.sqlite")), person: "王五", now: { now })
        dx = NodeService(store: try ReplicaStore(path: directory.path("dx.sqlite")), person: "李四", now: { now })
        try ws.initialize(role: .workstation, code: "WS", name: "区工作站")
        try dx.initialize(role: .township, code: "DX", name: "东兴镇")
        try ws.addUnit(code: "DX", name: "东兴镇", kind: .township)
        try ws.addUnit(code: "QX", name: "桥圩镇", kind: .township)
        code = try ws.createTicket(Fixtures.complaint(source: .window)).code
        try ws.perform(.dispatch(lead: "DX", co: []), on: code)
        try await sync(ws, as: "WS")
        try await sync(dx, as: "DX")
    }

    /// Syncs `service`'s replica with the hub in-process.
    func sync(_ service: NodeService, as node: String) async throws {
        let now = self.now
        _ = try await SyncSession(store: service.store, transport: DirectSyncTransport(hub: hub, token: tokens[node]!, now: { now }),
                                  software: "test", now: { now }).run()
    }

    /// The desk of `service`'s replica.
    func desk(_ service: NodeService, password: String? = nil, host: String = "127.0.0.1",
              language: Language = .zh) throws -> some ApplicationProtocol {
        try DeskApplication(service: service, host: host, port: 0, password: password, language: language, software: "test")
            .makeApplication()
    }

    func remove() { directory.remove() }
}

/// A browser's side of the desk in a test: signs in, keeps the cookie and the CSRF token, posts forms.
struct DeskBrowser {
    let client: any TestClientProtocol
    var cookie = ""
    var csrf = ""

    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Signs in as `person`; the to-do page's CSRF token is kept.
    static func signIn(_ client: any TestClientProtocol, as person: String, password: String? = nil) async throws -> DeskBrowser {
        var body = "person=\(Self.encode(person))"
        if let password { body += "&password=\(Self.encode(password))" }
        let response = try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: body))
        var browser = DeskBrowser(client: client)
        guard let setCookie = response.headers[.setCookie], let pair = setCookie.split(separator: ";").first else { return browser }
        browser.cookie = String(pair)
        let page = try await browser.get("/")
        browser.csrf = Self.csrfToken(in: page.text) ?? ""
        return browser
    }

    /// A page: status, body text and headers.
    struct Page {
        var status: HTTPResponse.Status
        var text: String
        var headers: HTTPFields
    }

    func get(_ uri: String) async throws -> Page {
        let response = try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie])
        return Page(status: response.status, text: String(buffer: response.body), headers: response.headers)
    }

    /// Posts `fields` (the session's CSRF token added unless `csrf` is false).
    func post(_ uri: String, _ fields: [(String, String)] = [], csrf: Bool = true, headers extra: HTTPFields = [:]) async throws -> Page {
        var pairs = fields
        if csrf { pairs.append(("csrf", self.csrf)) }
        let body = pairs.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = Self.form
        headers[.cookie] = cookie
        headers.append(contentsOf: extra)
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        return Page(status: response.status, text: String(buffer: response.body), headers: response.headers)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}
