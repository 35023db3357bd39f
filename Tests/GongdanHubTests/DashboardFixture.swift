import Foundation
import GongdanCore
import GongdanHub
import GongdanTesting
import Hummingbird
import HummingbirdTesting
@testable import GongdanStore

/// A hub holding one ticket per stage that the dashboard and the public page show, a viewer with
/// its password, and the router under test in-process (HummingbirdTesting's `.router`).
struct DashboardFixture {
    let hub: HubFixture
    let password: String
    /// `WS-26-0001`: dispatched to DX, signed, contacted, replied and accepted (awaits evaluation).
    static let accepted = "WS-26-0001"
    /// `WS-26-0002`: dispatched to QX on 2026-09-28 and never signed (past its limits on 2026-10-20).
    static let unsigned = "WS-26-0002"
    /// The accepted ticket's query code, derived by the hub (no event carries one, protocol 1.4).
    var acceptedQuery: String { (try? hub.store.queryCode(for: Self.accepted)) ?? "" }
    /// The unsigned ticket's query code.
    var unsignedQuery: String { (try? hub.store.queryCode(for: Self.unsigned)) ?? "" }

    init() throws {
        hub = try HubFixture()
        password = try hub.store.addViewer(name: "zhang", at: Fixtures.cst("2026-09-01 10:00")).password

        var first = TicketHarness(code: Self.accepted)
        try first.intake(Fixtures.complaint(), on: "WS", at: Fixtures.cst("2026-09-28 09:00"))
        try first.perform(.dispatch(lead: "DX", co: []), on: "WS", at: Fixtures.cst("2026-09-28 10:00"))
        first.deliver(from: "WS", to: "DX")
        try first.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 11:00"))
        try first.perform(.contact(note: "电话联系黄老板 13800001111"), on: "DX", at: Fixtures.cst("2026-09-29 09:00"))
        try first.perform(.reply(result: "已协调施工单位缩短围挡，李经办", resolved: true), on: "DX", at: Fixtures.cst("2026-10-09 09:00"))
        try hub.sync(first, from: "WS")
        try hub.sync(first, from: "DX")

        // WS's own seqs and stamps run on across both tickets, as on its replica: an origin's clock only
        // moves forward (the hub refuses an event stamped below the origin's previous one).
        var second = TicketHarness(code: Self.unsigned)
        second.replicas["WS"]!.seq = 2
        try second.intake(Fixtures.complaint(), on: "WS", at: Fixtures.cst("2026-09-28 10:30"))
        try second.perform(.dispatch(lead: "QX", co: []), on: "WS", at: Fixtures.cst("2026-09-28 10:45"))
        try hub.sync(second, from: "WS")

        first.replicas["WS"]!.seq = 4
        first.deliver(from: "DX", to: "WS")
        try first.perform(.review(accept: true, reason: nil), on: "WS", at: Fixtures.cst("2026-10-10 09:00"))
        try hub.sync(first, from: "WS")
    }

    /// The hub's router as an application, with `publicLimit` for the public page.
    func application(publicLimit: (burst: Int, perMinute: Double) = (burst: 20, perMinute: 10)) -> some ApplicationProtocol {
        let now = hub.now
        let router = HubApplication(store: hub.store, host: "127.0.0.1", port: 0, now: { now }, publicLimit: publicLimit)
            .buildRouter()
        return Application(router: router)
    }

    /// Logs in and returns the `Cookie` header value of the session.
    static func logIn(_ client: some TestClientProtocol, password: String) async throws -> String {
        let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                body: ByteBuffer(string: "name=zhang&password=\(password)"))
        guard let setCookie = response.headers[.setCookie], let pair = setCookie.split(separator: ";").first else { return "" }
        return String(pair)
    }

    func remove() { hub.remove() }
}

extension DashboardFixture {
    /// Row counts of the tables a write would touch.
    func counts() throws -> [String: Int] { try hub.counts() }
}
