import Foundation
import GongdanCore
import GongdanHub
import GongdanSync
import GongdanTesting
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GongdanStore

/// The business entity's public page and JSON API, in-process: lookups, the same answer for wrong and
/// missing codes, the rate limit, no personal data, and evaluations under the domain's rules.
@Suite("The public progress page", .timeLimit(.minutes(1)))
struct PublicProgressRouteTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test func aWrongQueryCodeGetsExactlyTheAnswerOfAMissingTicket() async throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            // When the API is asked with a wrong query code, and for a ticket that does not exist
            let wrong = try await client.execute(uri: "/api/v1/public/tickets/\(DashboardFixture.accepted)?query=ZZZZZZ", method: .get)
            let missing = try await client.execute(uri: "/api/v1/public/tickets/WS-26-9999?query=ZZZZZZ", method: .get)
            // Then both are 404 with the same body
            #expect(wrong.status == .notFound && missing.status == .notFound)
            #expect(String(buffer: wrong.body) == String(buffer: missing.body))
            #expect(String(buffer: wrong.body).contains("not_found"))

            // And the HTML page answers both the same way
            let wrongPage = try await client.execute(uri: "/progress", method: .post, headers: Self.form,
                                                     body: ByteBuffer(string: "code=\(DashboardFixture.accepted)&query=ZZZZZZ"))
            let missingPage = try await client.execute(uri: "/progress", method: .post, headers: Self.form,
                                                       body: ByteBuffer(string: "code=WS-26-9999&query=ZZZZZZ"))
            #expect(wrongPage.status == .notFound && missingPage.status == .notFound)
            #expect(String(buffer: wrongPage.body) == String(buffer: missingPage.body).replacingOccurrences(of: "WS-26-9999", with: DashboardFixture.accepted))
        }
    }

    @Test func theRightCodesShowTheTimelineTheUnitAndNoPersonalData() async throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            // When the entity looks its ticket up (query code in lower case, as typed)
            let response = try await client.execute(uri: "/api/v1/public/tickets/ws-26-0001?query=\(fixture.acceptedQuery.lowercased())", method: .get)
            #expect(response.status == .ok)
            let json = String(buffer: response.body)
            let answer = try GongdanJSON.decoder().decode(PublicTicketResponse.self, from: Data(json.utf8))

            // Then it sees where the matter stands, the unit's name and that it may evaluate
            #expect(answer.progress.ticket == DashboardFixture.accepted && answer.progress.status == .pendingEvaluation)
            #expect(answer.progress.handlingUnit == "东兴镇" && answer.progress.canEvaluate)
            #expect(answer.progress.timeline.map(\.text).contains("承办单位已签收，正在办理"))

            // And nothing personal or internal: no entity name, phone, contact, staff names, notes or reply text
            for secret in ["0775-4331430", "黄老板", "港南区好味餐馆", "李镇", "王工作站", "13800001111", "李经办",
                           "门店前道路施工", "施工围挡", fixture.acceptedQuery, "\"DX\"", "WS#"] {
                #expect(!json.contains(secret), "the public answer contains \(secret)")
            }
            let page = try await client.execute(uri: "/progress", method: .post, headers: Self.form,
                                                body: ByteBuffer(string: "code=\(DashboardFixture.accepted)&query=\(fixture.acceptedQuery)"))
            let html = String(buffer: page.body)
            #expect(page.status == .ok && html.contains("东兴镇") && html.contains("提交评价"))
            for secret in ["0775-4331430", "黄老板", "港南区好味餐馆", "李镇", "王工作站", "13800001111", "李经办"] {
                #expect(!html.contains(secret), "the public page contains \(secret)")
            }
        }
    }

    @Test func lookupsPastTheLimitGet429WithRetryAfter() async throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        try await fixture.application(publicLimit: (burst: 3, perMinute: 1)).test(.router) { client in
            // Given three lookups allowed at once
            for _ in 0..<3 {
                let response = try await client.execute(uri: "/api/v1/public/tickets/WS-26-9999?query=AAAAAA", method: .get)
                #expect(response.status == .notFound)
            }
            // When a fourth comes at once
            let limited = try await client.execute(uri: "/api/v1/public/tickets/\(DashboardFixture.accepted)?query=\(fixture.acceptedQuery)", method: .get)
            // Then it is refused with how long to wait, even with the right codes
            #expect(limited.status == .tooManyRequests)
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(String(buffer: limited.body).contains("rate_limited"))
            let page = try await client.execute(uri: "/progress", method: .post, headers: Self.form,
                                                body: ByteBuffer(string: "code=\(DashboardFixture.accepted)&query=\(fixture.acceptedQuery)"))
            #expect(page.status == .tooManyRequests && page.headers[.retryAfter] != nil)
        }
    }

    @Test func anEvaluationBeforeTheReplyIsAcceptedIsRefusedByTheDomainRules() async throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        // Given the unsigned ticket's query code
        try await fixture.application().test(.router) { client in
            let before = try fixture.counts()
            let body = try GongdanJSON.encoder().encode(PublicEvaluationRequest(query: fixture.unsignedQuery, satisfaction: .satisfied, resolved: true))
            // When the entity tries to evaluate it
            let response = try await client.execute(uri: "/api/v1/public/tickets/\(DashboardFixture.unsigned)/evaluation", method: .post,
                                                    headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body))
            // Then it is refused and nothing is stored
            #expect(response.status == .conflict)
            #expect(String(buffer: response.body).contains("not_evaluable"))
            #expect(try fixture.counts() == before)
        }
    }

    @Test func theEntitysEvaluationBecomesAHubEventOnceAndOnlyWithTheRightQueryCode() async throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let headers: HTTPFields = [.contentType: "application/json"]
            let uri = "/api/v1/public/tickets/\(DashboardFixture.accepted)/evaluation"
            // A wrong query code is the same 404 as a missing ticket
            let wrong = try GongdanJSON.encoder().encode(PublicEvaluationRequest(query: "ZZZZZZ", satisfaction: .satisfied, resolved: true))
            #expect(try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: wrong)).status == .notFound)

            // When the entity evaluates with its query code
            let right = try GongdanJSON.encoder().encode(PublicEvaluationRequest(query: fixture.acceptedQuery, satisfaction: .basic, resolved: true))
            let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: right))
            #expect(response.status == .ok)
            let answer = try GongdanJSON.decoder().decode(PublicTicketResponse.self, from: Data(buffer: response.body))
            #expect(answer.progress.status == .closed && answer.progress.evaluation?.text == "基本满意，问题已解决")

            // Then the hub recorded an evaluated event of its own origin, from the public page
            let events = try await fixture.hub.store.db.read { db in try ReplicaStore.events(db, ticket: DashboardFixture.accepted) }
            let evaluated = try #require(events.last)
            #expect(evaluated.id.origin == "HUB" && evaluated.actor.person == HubStore.publicEvaluationPerson)
            #expect(evaluated.payload == .evaluated(Evaluation(satisfaction: .basic, resolved: true, reasonable: true, channel: .publicPage)))

            // And a second evaluation is refused
            let again = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: right))
            #expect(again.status == .conflict)
        }
    }
}
