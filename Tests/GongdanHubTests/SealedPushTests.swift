import Foundation
import GongdanCore
import GongdanSync
import GongdanTesting
import Testing
@testable import GongdanStore

/// Issue 11, item 5, at the hub: a 1.5 push must seal contact details and open every seal it sends;
/// the hub hands each value only to the nodes that may read it (`docs/privacy.md`).
@Suite("Sealed contact details at the hub", .timeLimit(.minutes(1)))
struct SealedPushTests {
    static let v15 = ProtocolVersion.sealedContacts

    /// The workstation's created and dispatch events of a complaint with a contact and phone, sealed, linked.
    func workstationEvents(lead: String = "DX", co: [String] = ["SCJG"]) throws -> (events: [TicketEvent], openings: [SealOpening]) {
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(), on: "WS", at: Fixtures.cst("2026-09-28 09:00"))
        try harness.perform(.dispatch(lead: lead, co: co), on: "WS", at: Fixtures.cst("2026-09-28 10:00"))
        let sealed = SignedChain.sealed(harness.allEvents)
        return (SignedChain.linked(sealed.events), sealed.openings)
    }

    func refusal(_ hub: HubFixture, _ push: PushRequest) throws -> SyncError {
        do {
            _ = try hub.store.ingest(push, from: try hub.node("WS"), now: hub.now)
        } catch let error as SyncError {
            return error
        }
        Issue.record("the push was accepted")
        return SyncError(.malformed, "")
    }

    @Test("a 1.5 push carrying a contact in the clear is refused naming privacy.sealed, and nothing is stored")
    func clearContactRefused() throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        var harness = TicketHarness()
        try harness.intake(Fixtures.complaint(), on: "WS", at: Fixtures.cst("2026-09-28 09:00"))
        let push = try SignedChain.push(SignedChain.linked(harness.allEvents), node: "WS", key: hub.keys["WS"]!, protocol: Self.v15)
        let before = try hub.counts()
        let error = try refusal(hub, push)
        #expect(error.code == .ruleViolation && error.message.contains("privacy.sealed"))
        #expect(try hub.counts() == before)
    }

    @Test("a sealed push whose opening does not match, or is missing, is refused naming privacy.opening")
    func badOpeningsRefused() throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        let (events, openings) = try workstationEvents()
        var forged = openings
        forged[0].value = "13999999999"
        for bad in [forged, Array(openings.dropFirst())] {
            let push = try SignedChain.push(events, node: "WS", key: hub.keys["WS"]!, protocol: Self.v15, openings: bad)
            let error = try refusal(hub, push)
            #expect(error.code == .ruleViolation && error.message.contains("privacy.opening"))
        }
        #expect(try hub.counts()["events"] == 0)
    }

    @Test("a sealed field sent in the clear beside its commitment is refused, and the hub never stores the value")
    func valueBesideCommitmentRefused() throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        let (events, openings) = try workstationEvents()
        // A body written by hand: the commitment, and the phone in the clear beside it.
        let request = try SignedChain.push(events, node: "WS", key: hub.keys["WS"]!, protocol: Self.v15, openings: openings)
        let honest = String(decoding: try GongdanJSON.encoder().encode(request), as: UTF8.self)
        #expect(!honest.contains(#""phone":"0775-4331430""#))  // an encoder never writes a sealed value
        let leaky = honest.replacing(#""entity":{"#, with: #""entity":{"phone":"0775-4331430","#, maxReplacements: 1)
        let error = try refusal(hub, try PushRequest.decode(from: Data(leaky.utf8)))
        #expect(error.code == .ruleViolation && error.message.contains("in the clear beside its commitment"))
        #expect(try hub.counts()["events"] == 0)
    }

    @Test("the hub sends a ticket's contact to the workstation, its lead and co-unit, and to no other unit")
    func pullsCarryOpeningsToReadersOnly() throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        let (events, openings) = try workstationEvents()
        let push = try SignedChain.push(events, node: "WS", key: hub.keys["WS"]!, protocol: Self.v15, openings: openings)
        #expect(try hub.store.ingest(push, from: try hub.node("WS"), now: hub.now).accepted == 2)

        for reader in ["WS", "DX", "SCJG"] {
            let page = try hub.store.pull(for: try hub.node(reader), after: 0, limit: 100)
            #expect(Set(page.openings ?? []) == Set(openings), "\(reader)")
        }
        // QX was never assigned: the ticket is not in its feed, nor its contact
        let qx = try hub.store.pull(for: try hub.node("QX"), after: 0, limit: 100)
        #expect(qx.events.isEmpty && qx.openings == nil)
        // The hub's own fold reads the values; its stored bodies hold only commitments
        let state = try #require(try hub.store.db.read { db in TicketFold.fold(try ReplicaStore.events(db, ticket: "WS-26-0001")) })
        #expect(state.intake.entity.phone == Fixtures.complaint().entity.phone && state.withheld.isEmpty)
        let bodies = try hub.store.db.read { db in try String.fetchAll(db, sql: "SELECT body FROM events") }
        #expect(!bodies.contains { $0.contains(Fixtures.complaint().entity.phone!) })
    }
}
