import Foundation
import Testing
import GongdanCore
import GongdanNode
import GongdanStore
import GongdanTesting

/// `gongdan debug digest`: equal events give equal digests, whichever database holds them.
@Suite("Event log digests")
struct EventLogDigestTests {
    @Test("a replica holding the same events as another digests alike; one missing an event does not")
    func digestsFollowTheEvents() throws {
        // Given a workstation that took in a ticket, dispatched it to DX and made a second one
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let now = Fixtures.cst("2026-09-28 09:00")
        let ws = NodeService(store: try ReplicaStore(path: directory.path("ws.sqlite")), person: "王", now: { now })
        try ws.initialize(role: .workstation, code: "WS", name: "港南区工作站")
        for unit in Fixtures.units.values { try ws.addUnit(code: unit.code, name: unit.name, kind: unit.kind) }
        let first = try ws.createTicket(Fixtures.complaint()).code
        try ws.perform(.dispatch(lead: "DX", co: []), on: first)
        let second = try ws.createTicket(Fixtures.complaint()).code
        let events = try [first, second].flatMap { try ws.store.events(ofTicket: $0) }

        // When DX's replica receives all of them, and QX's all but the dispatch
        let dx = NodeService(store: try ReplicaStore(path: directory.path("dx.sqlite")), person: "李", now: { now })
        try dx.initialize(role: .township, code: "DX", name: "东兴镇")
        _ = try dx.store.appendEvents(events.reversed())
        let qx = NodeService(store: try ReplicaStore(path: directory.path("qx.sqlite")), person: "陈", now: { now })
        try qx.initialize(role: .township, code: "QX", name: "桥圩镇")
        _ = try qx.store.appendEvents(events.filter { $0.payload.type != "dispatched" })

        // Then DX digests exactly as the workstation, arrival order aside
        let atWS = try EventLogDigest.read(path: ws.store.path)
        #expect(try EventLogDigest.read(path: dx.store.path) == atWS)
        let ticket = try #require(atWS.tickets.first { $0.code == first })
        #expect(ticket.events == 2 && ticket.status == "pendingSign" && ticket.scope == ["DX"])
        #expect(atWS.origins.map(\.origin) == ["WS"] && atWS.origins[0].isComplete && atWS.origins[0].lastSeq == 3)
        // and QX differs on the first ticket only, and holds WS's seqs with a gap
        let atQX = try EventLogDigest.read(path: qx.store.path)
        #expect(atQX.tickets.first { $0.code == first }?.digest != ticket.digest)
        #expect(atQX.tickets.first { $0.code == second } == atWS.tickets.first { $0.code == second })
        #expect(atQX.origins.first?.isComplete == false)
    }
}
