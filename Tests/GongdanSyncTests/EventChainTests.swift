import Foundation
import Testing
import GongdanCore
import GongdanSync
import GongdanTesting

@Suite("Event hash chains")
struct EventChainTests {
    /// One origin's linked events: DX's sign, contact and reply on a dispatched ticket.
    static func dxChain() throws -> [TicketEvent] {
        let events = try VectorGenerator.straightWalk().events
        return events.filter { $0.id.origin == "DX" }.sorted { $0.id.seq < $1.id.seq }
    }

    @Test("an event's hash is the hex SHA-256 of its canonical JSON, stable across encode and decode")
    func hashIsStable() throws {
        // Given an event
        let event = try #require(Self.dxChain().first)
        // When it is hashed, and hashed again after a trip through JSON
        let hash = EventChain.hash(of: event)
        let decoded = try GongdanJSON.decoder().decode(TicketEvent.self, from: GongdanJSON.encoder().encode(event))
        // Then the hash is 64 lower-case hex digits, the same each time
        #expect(hash.count == 64 && hash.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(EventChain.hash(of: decoded) == hash)
        #expect(EventChain.hash(bytes: event.canonicalJSON()) == hash)
    }

    @Test("the hash of known bytes is their SHA-256")
    func knownDigest() {
        #expect(EventChain.hash(bytes: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(EventChain.hash(bytes: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("any change to an event's body changes its hash")
    func bodyChangesHash() throws {
        let event = try #require(Self.dxChain().last)
        var changed = event
        changed.actor.person = "张三"
        #expect(EventChain.hash(of: changed) != EventChain.hash(of: event))
        changed = event
        changed.hlc = HybridTimestamp(packed: event.hlc.packed + 1)
        #expect(EventChain.hash(of: changed) != EventChain.hash(of: event))
    }

    @Test("a linked chain verifies and answers the hash of its last event")
    func verifiesIntactChain() throws {
        // Given DX's linked events
        let chain = try Self.dxChain()
        // When verified from the start
        let head = try EventChain.verify(chain, after: 0, hash: nil)
        // Then the head is the last event's hash; and a continuation verifies from a midpoint
        #expect(head == EventChain.hash(of: chain.last!))
        #expect(try EventChain.verify(Array(chain.dropFirst()), after: 1, hash: EventChain.hash(of: chain[0])) == head)
        #expect(try EventChain.verify([], after: 3, hash: head) == head)
    }

    @Test("a missing event is a seq gap")
    func catchesGap() throws {
        // Given a chain with its middle event dropped
        var chain = try Self.dxChain()
        chain.remove(at: 1)
        // When verified / Then seq_gap names the event and the seq to resend from
        let error = try #require(throws: SyncError.self) { try EventChain.verify(chain, after: 0, hash: nil) }
        #expect(error.code == .seqGap)
        #expect(error.message.contains("DX#3") && error.message.contains("from seq 2"))
    }

    @Test("a chain that does not start after what the hub holds is a seq gap")
    func catchesWrongStart() throws {
        let chain = try Self.dxChain()
        let error = try #require(throws: SyncError.self) { try EventChain.verify(chain, after: 1, hash: nil) }
        #expect(error.code == .seqGap)
    }

    @Test("a broken prev is chain_broken")
    func catchesBrokenPrev() throws {
        // Given a chain whose second event points elsewhere
        var chain = try Self.dxChain()
        chain[1].prev = String(repeating: "0", count: 64)
        // When verified / Then it is refused as chain_broken, naming the event
        let error = try #require(throws: SyncError.self) { try EventChain.verify(chain, after: 0, hash: nil) }
        #expect(error.code == .chainBroken)
        #expect(error.message.contains("DX#2"))
    }

    @Test("a changed body is caught by the next event's prev")
    func catchesChangedBody() throws {
        // Given a chain whose first event was altered after linking
        var chain = try Self.dxChain()
        chain[0].payload = .returned(reason: "改写")
        // When verified / Then the second event no longer chains to it
        let error = try #require(throws: SyncError.self) { try EventChain.verify(chain, after: 0, hash: nil) }
        #expect(error.code == .chainBroken)
        #expect(error.message.contains("DX#2"))
    }

    @Test("a changed last event is caught by its hash no longer matching the signed head")
    func changedHeadChangesHash() throws {
        var chain = try Self.dxChain()
        let head = try EventChain.verify(chain, after: 0, hash: nil)
        chain[chain.count - 1].payload = .replied(result: "改写", resolved: false)
        #expect(try EventChain.verify(chain, after: 0, hash: nil) != head)
    }

    @Test("SignedChain links each origin's events in seq order, whatever the list's order")
    func signedChainLinks() throws {
        // Given a ticket's events in reverse order, unlinked
        var events = try VectorGenerator.offlineRedispatch().events.reversed().map { event -> TicketEvent in
            var event = event
            event.prev = nil
            return event
        }
        // When linked
        events = SignedChain.linked(events)
        // Then every origin's chain verifies, and the list kept its order
        for (_, own) in Dictionary(grouping: events, by: \.id.origin) {
            #expect(throws: Never.self) { try EventChain.verify(own.sorted { $0.id.seq < $1.id.seq }, after: 0, hash: nil) }
        }
        #expect(events.first?.id == EventID(origin: "DX", seq: 3))
    }
}
