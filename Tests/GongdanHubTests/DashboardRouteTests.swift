import Foundation
import GongdanCore
import GongdanHub
import GongdanSync
import GongdanTesting
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GongdanStore

/// The viewers' dashboard, in-process: login required, the seeded figures, CSV exports, logout.
@Suite("The dashboard", .timeLimit(.minutes(1)))
struct DashboardRouteTests {
    @Test func aRequestWithoutASessionIsSentToTheLoginPage() async throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            // When nobody logged in asks for the dashboard, a CSV, or uses a made-up cookie
            let page = try await client.execute(uri: "/dashboard", method: .get)
            let csv = try await client.execute(uri: "/dashboard/overdue.csv", method: .get)
            let forged = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: "gongdan_session=gd_forged"])
            // Then the page redirects to /login and the CSV is refused
            #expect(page.status == .seeOther && page.headers[.location] == "/login")
            #expect(forged.status == .seeOther && forged.headers[.location] == "/login")
            #expect(csv.status == .unauthorized)
            #expect(!String(buffer: csv.body).contains(DashboardFixture.accepted))
        }
    }

    @Test func aWrongPasswordIsRefusedAndSetsNoCookie() async throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "name=zhang&password=WRONG-PASSWORD"))
            #expect(response.status == .unauthorized)
            #expect(response.headers[.setCookie] == nil)
            #expect(String(buffer: response.body).contains("用户名或密码不正确"))
        }
    }

    @Test func aViewerLogsInSeesTheSeededFiguresExportsCSVAndLogsOut() async throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            // Given a logged-in viewer
            let login = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                 body: ByteBuffer(string: "name=zhang&password=\(fixture.password)"))
            #expect(login.status == .seeOther && login.headers[.location] == "/dashboard")
            let setCookie = try #require(login.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"))
            let cookie = String(setCookie.split(separator: ";")[0])

            // When it opens the dashboard
            let page = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: cookie])
            let html = String(buffer: page.body)

            // Then it sees the seeded district: one ticket awaiting evaluation, one unsigned past its limit and overdue
            #expect(page.status == .ok)
            #expect(html.contains("港南区工单督办看板"))
            #expect(html.contains("<b>1</b>待评价") && html.contains("<b>1</b>超时未签收") && html.contains("<b>1</b>超期未办结"))
            #expect(html.contains(DashboardFixture.unsigned) && html.contains("桥圩镇（QX）"))
            #expect(html.contains("<svg") && html.contains("目标 95%"))
            #expect(html.contains("节点运行情况") && html.contains("冲突待处理队列") && html.contains("督办通知"))

            // And every table exports as CSV with a byte-order mark
            for id in ["status", "overdue", "unsigned", "units", "notices", "conflicts", "nodes"] {
                let csv = try await client.execute(uri: "/dashboard/\(id).csv", method: .get, headers: [.cookie: cookie])
                #expect(csv.status == .ok, "\(id)")
                #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(id)")
            }
            let overdue = String(buffer: try await client.execute(uri: "/dashboard/overdue.csv", method: .get, headers: [.cookie: cookie]).body)
            #expect(overdue.contains("工单编号,类别,状态") && overdue.contains(DashboardFixture.unsigned))
            // and node health lists each node's software and protocol version
            let nodes = String(buffer: try await client.execute(uri: "/dashboard/nodes.csv", method: .get, headers: [.cookie: cookie]).body)
            #expect(nodes.contains("软件版本,协议版本") && nodes.contains("gongdan-tests,1.4,"))
            let unknown = try await client.execute(uri: "/dashboard/secrets.csv", method: .get, headers: [.cookie: cookie])
            #expect(unknown.status == .notFound)

            // When it logs out, the session no longer opens the dashboard
            let logout = try await client.execute(uri: "/logout", method: .post, headers: [.cookie: cookie])
            #expect(logout.status == .seeOther && logout.headers[.location] == "/login")
            let after = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: cookie])
            #expect(after.status == .seeOther)
        }
    }

    @Test func theStoreKeepsNoPasswordAndNoSessionToken() async throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let token = try #require(try fixture.hub.store.logIn(viewer: "zhang", password: fixture.password, now: fixture.hub.now))
        let dump = try await fixture.hub.store.db.read { db in
            try String.fetchAll(db, sql: "SELECT name || salt || iterations || password_hash FROM viewers").joined()
                + (try String.fetchAll(db, sql: "SELECT token_hash || viewer FROM viewer_sessions").joined())
        }
        #expect(!dump.contains(fixture.password) && !dump.contains(token))
        #expect(try fixture.hub.store.viewer(session: token, now: fixture.hub.now) == "zhang")
        #expect(try fixture.hub.store.viewer(session: token, now: fixture.hub.now.addingTimeInterval(13 * 3600)) == nil)
    }
}
