import Foundation
import GRDB
import GongdanCore
import GongdanNode
import GongdanSync
import GongdanTesting
import Testing
@testable import GongdanStore

/// A long ticket's folded state is stored beside its projection, so an append folds one event, not the
/// whole history; every way a ticket changes keeps it equal to a full fold, and `check` proves it.
@Suite("Stored folded states")
struct FoldedStateTests {
    /// A workstation replica on a file with one dispatched ticket and `notes` progress notes.
    static func longTicket(notes: Int) throws -> (service: NodeService, code: String, directory: TemporaryDirectory) {
        let directory = try TemporaryDirectory("gongdan-folded")
        let now = Fixtures.cst("2026-10-20 09:00")
        let service = NodeService(store: try ReplicaStore(path: directory.path("ws.sqlite")), person: "王五", now: { now })
        try service.initialize(role: .workstation, code: "WS", name: "区工作站")
        try service.addUnit(code: "DX", name: "东兴镇", kind: .township)
        let code = try service.createTicket(Fixtures.complaint(source: .window)).code
        try service.perform(.dispatch(lead: "DX", co: []), on: code)
        for index in 0..<notes { try service.perform(.progress(note: "第 \(index) 次督促"), on: code) }
        return (service, code, directory)
    }

    static func fullFold(_ store: ReplicaStore, _ code: String) throws -> TicketState? {
        TicketFold.fold(try store.events(ofTicket: code), policy: try store.districtPolicy())
    }

    static func storedCount(_ store: ReplicaStore) throws -> Int {
        try store.db.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM ticket_states") ?? 0 }
    }

    @Test func aShortTicketStoresNoStateAndALongOneStoresTheFullFold() throws {
        let (service, code, directory) = try Self.longTicket(notes: FoldedStates.threshold - 3)
        defer { directory.remove() }
        #expect(try Self.storedCount(service.store) == 0)
        try service.perform(.progress(note: "再次督促"), on: code)
        #expect(try Self.storedCount(service.store) == 1)
        for index in 0..<5 { try service.perform(.progress(note: "第 \(index) 次"), on: code) }
        #expect(try service.store.ticket(code) == Self.fullFold(service.store, code))
        #expect(try service.detail(of: code).state == Self.fullFold(service.store, code))
        #expect(try service.store.integrityProblems().isEmpty)
    }

    @Test func actionsOnALongTicketFoldFromTheStoredStateAndStayEqualToAFullFold() throws {
        let (service, code, directory) = try Self.longTicket(notes: 40)
        defer { directory.remove() }
        try service.perform(.escalate(lead: "DX", co: []), on: code)
        try service.perform(.close(reason: "经协调已解决"), on: code)
        let stored = try service.store.ticket(code)
        #expect(stored?.status == .closed)
        #expect(stored == (try Self.fullFold(service.store, code)))
        #expect(try service.store.integrityProblems().isEmpty)
    }

    @Test func aStoredStateThatDiffersFromTheFoldIsReportedByCheck() throws {
        let (service, code, directory) = try Self.longTicket(notes: 40)
        defer { directory.remove() }
        var tampered = try #require(try service.store.ticket(code))
        tampered.round = 9
        let data = try JSONEncoder().encode(tampered)
        try service.store.db.write { db in
            try db.execute(sql: "UPDATE ticket_states SET state = ? WHERE code = ?", arguments: [data, code])
        }
        #expect(try service.store.integrityProblems().contains { $0.contains("differs from a full fold") })
    }

    @Test func aPolicyRefoldRewritesTheStoredStates() throws {
        let (service, code, directory) = try Self.longTicket(notes: 40)
        defer { directory.remove() }
        let before = try #require(try service.store.ticket(code))
        let policy = SyncedPolicy(versions: [.init(effectiveFrom: Fixtures.cst("2026-01-01 00:00"),
                                                   handling: HandlingPolicy(signingWorkingDays: 3))])
        _ = try service.store.adoptHubPolicy(policy, digest: "test", asOf: Fixtures.cst("2026-10-20 09:00"))
        let after = try #require(try service.store.ticket(code))
        #expect(after == (try Self.fullFold(service.store, code)))
        #expect(after.signBy != before.signBy)
    }
}
