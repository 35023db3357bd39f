import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GongdanCore
import GongdanHub
import GongdanSync
import GongdanTesting
import Testing
@testable import GongdanStore

/// The real server on 127.0.0.1, port 0, in-process; requests over real HTTP with URLSession.
@Suite("Hub over HTTP", .timeLimit(.minutes(1)))
struct HubHTTPTests {
    struct Client {
        let base: URL
        let session: URLSession

        func send(_ method: String, _ path: String, token: String?, protocolHeader: String? = "1.0",
                  body: Data? = nil, contentType: String = "application/json",
                  headers: [String: String] = [:]) async throws -> (status: Int, body: Data) {
            var request = URLRequest(url: URL(string: path, relativeTo: base)!)
            request.httpMethod = method
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            request.timeoutInterval = 20
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            if let protocolHeader { request.setValue(protocolHeader, forHTTPHeaderField: "Gongdan-Protocol") }
            if let body {
                request.httpBody = body
                request.setValue(contentType, forHTTPHeaderField: "Content-Type")
            }
            let (data, response) = try await session.data(for: request)
            return ((response as! HTTPURLResponse).statusCode, data)
        }

        func error(_ data: Data) throws -> SyncError {
            try GongdanJSON.decoder().decode(ErrorResponse.self, from: data).error
        }
    }

    func withHub(_ body: (HubFixture, Client) async throws -> Void) async throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        let now = hub.now
        let app = HubApplication(store: hub.store, host: "127.0.0.1", port: 0, now: { now })
        let session = URLSession(configuration: .ephemeral)
        try await app.withRunningServer { port in
            try await body(hub, Client(base: URL(string: "http://127.0.0.1:\(port)")!, session: session))
        }
    }

    @Test func aNodeGetsItsStatePushesAndPullsOverHTTP() async throws {
        try await withHub { hub, client in
            // Given the workstation's token
            let token = hub.tokens["WS"]!
            let decoder = GongdanJSON.decoder()

            // When it asks for its state
            let state = try await client.send("GET", "/api/v1/sync/state", token: token)
            #expect(state.status == 200)
            let parsed = try decoder.decode(SyncState.self, from: state.body)
            #expect(parsed.node == "WS" && parsed.hubHas == 0 && parsed.units.map(\.code).contains("DX"))

            // When it pushes its first events
            let harness = try HubFixture.dispatchedToDongxing()
            let push = try hub.push(harness.allEvents.filter { $0.id.origin == "WS" }, from: "WS")
            let pushed = try await client.send("POST", "/api/v1/sync/push", token: token,
                                               body: try GongdanJSON.encoder().encode(push))
            #expect(pushed.status == 200)
            #expect(try decoder.decode(PushResponse.self, from: pushed.body).accepted == 2)

            // Then DX pulls them
            let pulled = try await client.send("GET", "/api/v1/sync/pull?after=0&limit=10", token: hub.tokens["DX"]!)
            #expect(pulled.status == 200)
            let page = try decoder.decode(PullResponse.self, from: pulled.body)
            #expect(page.events.map(\.id.description) == ["WS#1", "WS#2"] && !page.more)

            // And liveness needs no credential
            #expect(try await client.send("GET", "/healthz", token: nil, protocolHeader: nil).status == 200)
        }
    }

    @Test func theOperatorSeesHealthAndMetricsWithoutACredential() async throws {
        try await withHub { hub, client in
            // Given a push of two events and one refused request
            let harness = try HubFixture.dispatchedToDongxing()
            let push = try hub.push(harness.allEvents.filter { $0.id.origin == "WS" }, from: "WS")
            _ = try await client.send("POST", "/api/v1/sync/push", token: hub.tokens["WS"]!,
                                      body: try GongdanJSON.encoder().encode(push))
            _ = try await client.send("GET", "/api/v1/sync/state", token: "not-a-token")
            _ = try await client.send("GET", "/api/v1/sync/state", token: hub.tokens["DX"]!, protocolHeader: "9.0")

            // When the operator's monitoring asks
            let health = try await client.send("GET", "/healthz", token: nil, protocolHeader: nil)
            let metrics = try await client.send("GET", "/metrics", token: nil, protocolHeader: nil)

            // Then the hub is healthy and the metrics count what happened, per node
            #expect(health.status == 200)
            let status = try JSONSerialization.jsonObject(with: health.body) as? [String: String]
            #expect(status?["status"] == "ok" && status?["district"] == "港南区")
            #expect(metrics.status == 200)
            let text = String(decoding: metrics.body, as: UTF8.self)
            #expect(text.contains(#"gongdan_push_events_total{result="accepted"} 2"#))
            #expect(text.contains(#"gongdan_refusals_total{code="unauthorized"} 1"#))
            #expect(text.contains(#"gongdan_refusals_total{code="unsupported_protocol"} 1"#))
            #expect(text.contains(#"gongdan_node_hub_has_seq{node="WS"} 2"#))
            #expect(text.contains(#"gongdan_node_since_seen_seconds{node="DX"} -1"#))
            #expect(text.contains("gongdan_open_conflicts 0"))
        }
    }

    @Test func refusalsTravelWithTheirStatusAndAnErrorBody() async throws {
        try await withHub { hub, client in
            let token = hub.tokens["WS"]!

            let unknown = try await client.send("GET", "/api/v1/sync/state", token: "not-a-token")
            #expect(unknown.status == 401)
            #expect(try client.error(unknown.body).code == .unauthorized)

            let missing = try await client.send("GET", "/api/v1/sync/state", token: nil)
            #expect(missing.status == 401)

            let noVersion = try await client.send("GET", "/api/v1/sync/state", token: token, protocolHeader: nil)
            #expect(noVersion.status == 426)
            #expect(try client.error(noVersion.body).code == .unsupportedProtocol)

            let nextMajor = try await client.send("GET", "/api/v1/sync/state", token: token, protocolHeader: "2.0")
            #expect(nextMajor.status == 426)
            #expect(try client.error(nextMajor.body).message.contains("upgrade the hub"))

            let malformed = try await client.send("POST", "/api/v1/sync/push", token: token, body: Data(#"{"protocol":"1.0","node":"WS","events":[{"#.utf8))
            #expect(malformed.status == 400)
            #expect(try client.error(malformed.body).code == .malformed)

            let wrongType = try await client.send("POST", "/api/v1/sync/push", token: token,
                                                  body: Data(#"{"protocol":"1.0","node":"WS","events":7,"backlog":0,"software":"x"}"#.utf8))
            #expect(wrongType.status == 400)
            #expect(try client.error(wrongType.body).message.contains("events"))

            let huge = Data(repeating: UInt8(ascii: " "), count: SyncLimits.default.maxBodyBytes + 1024)
            let tooLarge = try await client.send("POST", "/api/v1/sync/push", token: token, body: huge)
            #expect(tooLarge.status == 413)
            #expect(try client.error(tooLarge.body).code == .tooLarge)

            try hub.store.revokeNode(code: "QX")
            let revoked = try await client.send("GET", "/api/v1/sync/state", token: hub.tokens["QX"]!)
            #expect(revoked.status == 403)
            #expect(try client.error(revoked.body).code == .revoked)

            // A refused push stored nothing.
            #expect(try hub.counts()["events"] == 0)
        }
    }
}
