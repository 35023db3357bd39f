import Foundation
import GongdanCore
import GongdanSync
import GongdanTesting
import Testing
@testable import GongdanStore

/// Clocks only move forward (`docs/clocks.md`): a hostile unit holding its own key and token pushes
/// well-signed events stamped into the past, over real HTTP, and the hub refuses them with
/// `clock_behind`; nothing is stored and no score moves. A forged `backlog` is refused as malformed.
@Suite("A unit cannot backdate its events", .timeLimit(.minutes(2)))
struct BackdatedStampTests {
    static let cst = Fixtures.cst
    typealias Snapshot = HostileNodeTests.Snapshot

    /// `event` as DX's next event at the hub, stamped `time` whatever its replica's clock said.
    static func backdated(_ event: TicketEvent, to time: Date, _ hub: HubFixture) throws -> TicketEvent {
        let held = try hub.store.db.read { db in try HubStore.originHead(db, "DX") }.seq
        return TicketEvent(id: EventID(origin: "DX", seq: held + 1), ticket: event.ticket, hlc: HybridTimestamp(time),
                           clock: event.clock, actor: event.actor, payload: event.payload)
    }

    /// DX's walk-in, a consultation it answered at once at `time`, pushed honestly.
    static func pushWalkIn(at time: Date, _ hub: HubFixture) throws {
        var walkIn = TicketHarness(code: "DX-26-0001")
        try walkIn.intake(IntakeRequest(category: .consult, source: .window, entity: BusinessEntity(name: "港南区好味餐馆"),
                                        summary: "营业执照变更需要哪些材料", immediateAnswer: "带上原执照和股东决议到政务中心"),
                          on: "DX", at: time)
        try hub.sync(walkIn, from: "DX")
    }

    /// DX's signing timeliness in September 2026, as of the fixture's day.
    static func signing(_ hub: HubFixture) throws -> Ratio? {
        try hub.store.scoringReport(period: try .month(9, of: 2026), asOf: hub.now).units.first { $0.unit == "DX" }?.signingTimeliness
    }

    /// Pushes `events` as DX over HTTP, speaking 1.4, and returns the refusal.
    static func refusal(of events: [TicketEvent], _ hub: HubFixture, _ client: HubHTTPTests.Client) async throws -> (status: Int, error: SyncError) {
        let push = try hub.push(events, from: "DX")
        let answer = try await client.send("POST", "/api/v1/sync/push", token: hub.tokens["DX"]!, protocolHeader: "1.4",
                                           body: try GongdanJSON.encoder().encode(push))
        let error = try #require(try? client.error(answer.body), "\(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
        return (answer.status, error)
    }

    @Test("a sign made after the signing limit and stamped before it, below the unit's own events at the hub, is refused with clock_behind")
    func backdatedSignBelowOwnEvents() async throws {
        try await HubHTTPTests().withHub { hub, client in
            // Given a ticket dispatched to DX on Mon 28 Sep, to be signed by the end of Tue 29 Sep, not signed;
            // and DX's walk-in of Fri 9 Oct at the hub
            var main = try HubFixture.dispatchedToDongxing()
            try hub.sync(main, from: "WS")
            try Self.pushWalkIn(at: Self.cst("2026-10-09 10:00"), hub)
            let before = try Snapshot(hub)
            let signing = try #require(try Self.signing(hub))

            // When DX signs now and stamps the sign Tue 29 Sep 11:00, before its limit
            let sign = try Self.backdated(main.forge(.signed, on: "DX", at: Self.cst("2026-09-29 11:00")),
                                          to: Self.cst("2026-09-29 11:00"), hub)
            let (status, error) = try await Self.refusal(of: [sign], hub, client)

            // Then the push is refused with clock_behind, naming the sign, its stamp and DX's walk-in's
            #expect(status == 422 && error.code == .clockBehind, "\(error)")
            #expect(error.message.contains("DX#2 (signed)") && error.message.contains("rule stamp.origin-order"), "\(error.message)")
            #expect(error.message.contains("2026-09-29 11:00:00 UTC+8") && error.message.contains("2026-10-09 10:00:00 UTC+8"))
            // and nothing changed: the ticket is still unsigned, DX's signing timeliness is what it was
            #expect(try Snapshot(hub) == before)
            #expect(try Self.signing(hub) == signing && signing.numerator == 0)
            #expect(try hub.store.verify() == [])
        }
    }

    @Test("a sign stamped before the hub's clock the unit had read at its last sync is refused, though the hub holds no event of it")
    func backdatedSignBelowClockFloor() async throws {
        try await HubHTTPTests().withHub { hub, client in
            // Given a ticket dispatched to DX, not signed, and DX's sync on Tue 20 Oct: it reads the hub's
            // clock (state) and proves it (its pull reports its last seq, 0, signed with its key, which the
            // hub registers: DX never pushed)
            var main = try HubFixture.dispatchedToDongxing()
            try hub.sync(main, from: "WS")
            let token = hub.tokens["DX"]!
            let state = try await client.send("GET", "/api/v1/sync/state?lastSeq=0", token: token, protocolHeader: "1.6")
            let serverTime = try GongdanJSON.decoder().decode(SyncState.self, from: state.body).serverTime
            // (a pull whose report is not signed, as anyone holding DX's token could send, records no floor)
            #expect(try await client.send("GET", "/api/v1/sync/pull?after=0&lastSeq=0", token: token, protocolHeader: "1.6").status == 200)
            #expect(try await hub.store.db.read { db in try HubStore.clockFloor(db, node: "DX") } == .none)
            let proof = try ClockReadProof.sign(node: "DX", lastSeq: 0, serverTime: serverTime, with: hub.keys["DX"]!)
            #expect(try await client.send("GET", "/api/v1/sync/pull?after=0&lastSeq=0", token: token, protocolHeader: "1.6",
                                          headers: [ClockReadProof.header: proof, ClockReadProof.keyHeader: hub.keys["DX"]!.publicKey]).status == 200)
            let before = try Snapshot(hub)

            // When DX then signs and stamps the sign Tue 29 Sep 11:00
            let sign = try Self.backdated(main.forge(.signed, on: "DX", at: Self.cst("2026-09-29 11:00")),
                                          to: Self.cst("2026-09-29 11:00"), hub)
            let (status, error) = try await Self.refusal(of: [sign], hub, client)

            // Then it is refused by DX's clock floor, and nothing changed
            #expect(status == 422 && error.code == .clockBehind, "\(error)")
            #expect(error.message.contains("DX#1") && error.message.contains("rule stamp.clock-floor"), "\(error.message)")
            #expect(error.message.contains("2026-10-20 09:00:00 UTC+8"), "\(error.message)")
            #expect(try Snapshot(hub) == before)

            // And the same sign stamped after the hub's clock DX read is accepted
            let honest = try Self.backdated(sign, to: hub.now.addingTimeInterval(1), hub)
            let push = try hub.push([honest], from: "DX")
            let answer = try await client.send("POST", "/api/v1/sync/push", token: token, protocolHeader: "1.4",
                                               body: try GongdanJSON.encoder().encode(push))
            #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
        }
    }

    @Test("a reply stamped before the deadline, below the unit's own later event, is refused: the ticket stays overdue")
    func backdatedReply() async throws {
        try await HubHTTPTests().withHub { hub, client in
            // Given DX signed and contacted the entity on Mon 28 Sep, and noted progress after the deadline
            var main = try HubFixture.dispatchedToDongxing()
            try main.perform(.sign, on: "DX", at: Self.cst("2026-09-28 11:00"))
            try main.perform(.contact(note: "电话联系黄老板"), on: "DX", at: Self.cst("2026-09-28 14:00"))
            try hub.sync(main, from: "WS")
            try hub.sync(main, from: "DX")
            let code = main.code
            let millis: Int64? = try await hub.store.db.read { db in
                try Int64.fetchOne(db, sql: "SELECT deadline FROM tickets WHERE code = ?", arguments: [code])
            }
            let deadline = Date(millis: try #require(millis))
            #expect(deadline < hub.now)
            try main.perform(.progress(note: "仍在协调"), on: "DX", at: deadline.addingTimeInterval(3600))
            try hub.sync(main, from: "DX")
            let before = try Snapshot(hub)
            #expect(before.candidates.contains { $0.tickets.contains(main.code) }, "the ticket is overdue and not replied")

            // When DX replies and stamps the reply a day before the deadline
            let reply = try Self.backdated(main.forge(.replied(result: "已协调施工方缩短工期", resolved: true), on: "DX", at: hub.now),
                                           to: deadline.addingTimeInterval(-86_400), hub)
            let (status, error) = try await Self.refusal(of: [reply], hub, client)

            // Then it is refused, and the ticket is still on the overdue list
            #expect(status == 422 && error.code == .clockBehind, "\(error)")
            #expect(error.message.contains("DX#4 (replied)") && error.message.contains("stamp.origin-order"), "\(error.message)")
            #expect(try Snapshot(hub) == before)
        }
    }

    @Test("a push claiming a backlog of Int64.max is refused as malformed, and the hub goes on serving")
    func hugeBacklog() async throws {
        try await HubHTTPTests().withHub { hub, client in
            // Given the workstation's honest push with "backlog": 9223372036854775807
            let harness = try HubFixture.dispatchedToDongxing()
            let push = try hub.push(harness.allEvents.filter { $0.id.origin == "WS" }, from: "WS", backlog: Int.max)
            let body = try GongdanJSON.encoder().encode(push)
            #expect(String(decoding: body, as: UTF8.self).contains("\"backlog\":9223372036854775807"))
            let before = try hub.counts()

            // When it is pushed
            let answer = try await client.send("POST", "/api/v1/sync/push", token: hub.tokens["WS"]!, protocolHeader: "1.4", body: body)

            // Then it is refused as malformed, naming the field, and nothing is stored
            let error = try client.error(answer.body)
            #expect(answer.status == 400 && error.code == .malformed, "\(error)")
            #expect(error.message.contains("backlog"))
            #expect(try hub.counts() == before)
            // And the hub still serves: liveness, and the same push with its true backlog
            #expect(try await client.send("GET", "/healthz", token: nil, protocolHeader: nil).status == 200)
            let honest = try hub.push(harness.allEvents.filter { $0.id.origin == "WS" }, from: "WS")
            let stored = try await client.send("POST", "/api/v1/sync/push", token: hub.tokens["WS"]!, protocolHeader: "1.4",
                                               body: try GongdanJSON.encoder().encode(honest))
            #expect(stored.status == 200)
        }
    }
}
