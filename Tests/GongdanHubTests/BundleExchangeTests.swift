import Foundation
import Testing
import GongdanCore
import GongdanNode
@testable import GongdanStore
import GongdanSync
import GongdanTesting

/// Sync on a file: a township offline for weeks carries its change set to the hub on a USB stick.
@Suite("Bundles: sync on a file")
struct BundleExchangeTests {
    /// A hub, the workstation (syncing over the direct transport) and township DX (bundles only).
    struct District {
        let directory: TemporaryDirectory
        let hub: HubStore
        let ws: NodeService
        let wsTransport: DirectSyncTransport
        let dx: NodeService
        var clock: Date

        init() throws {
            directory = try TemporaryDirectory()
            clock = Fixtures.cst("2026-10-12 09:00")
            let now = clock
            hub = try HubStore(path: directory.path("hub.sqlite"))
            try hub.initialize(district: "港南区", at: now)
            let (_, wsToken) = try hub.registerNode(code: "WS", role: .workstation, name: "港南区工作站", at: now)
            let (_, dxToken) = try hub.registerNode(code: "DX", role: .township, name: "东兴镇", at: now)
            ws = NodeService(store: try ReplicaStore(path: directory.path("ws.sqlite")), person: "王工作站", now: { now })
            _ = try ws.initialize(role: .workstation, code: "WS", name: "港南区工作站")
            _ = try ws.addUnit(code: "DX", name: "东兴镇", kind: .township)
            wsTransport = DirectSyncTransport(hub: hub, token: wsToken, now: { now })
            dx = NodeService(store: try ReplicaStore(path: directory.path("dx.sqlite")), person: "李镇", now: { now })
            _ = try dx.initialize(role: .township, code: "DX", name: "东兴镇")
            try dx.store.setRemote(hubURL: "http://127.0.0.1:9", token: dxToken)
        }

        func syncWorkstation() async throws {
            _ = try await SyncSession(store: ws.store, transport: wsTransport, software: "test").run()
        }

        func bundleExchange() -> BundleExchange { BundleExchange(store: dx.store, software: "test") }
    }

    static func complaint(_ summary: String) -> IntakeRequest {
        IntakeRequest(category: .complaint, source: .window, entity: BusinessEntity(name: "港南区好味餐馆"), summary: summary)
    }

    @Test("a township's bundle goes to the hub and its reply comes back: both sides hold the same tickets")
    func roundTrip() async throws {
        // Given a ticket dispatched to DX, which DX can only reach by bundle
        let district = try District()
        let ticket = try district.ws.createTicket(Self.complaint("门店前道路施工影响经营"))
        _ = try district.ws.perform(.dispatch(lead: "DX", co: []), on: ticket.code)
        try await district.syncWorkstation()
        // and a walk-in DX took and keeps itself
        let walkIn = try district.dx.createTicket(IntakeRequest(category: .help, source: .window,
                                                                entity: BusinessEntity(name: "东兴五金店"), summary: "营业执照变更咨询", keep: true))

        // When DX exports, the hub imports, and DX imports the reply
        let export = try district.bundleExchange().export(now: district.clock)
        #expect(export.events == 1 && export.batches == 1)
        let taken = try district.hub.importBundle(export.file, now: district.clock)
        #expect(taken.accepted == 1 && taken.duplicates == 0)
        let applied = try district.bundleExchange().importReply(taken.reply, now: district.clock)

        // Then the hub holds DX's walk-in (the workstation receives it), DX holds the dispatched
        // ticket with its whole history, in the same state as the workstation
        try await district.syncWorkstation()
        #expect(try district.ws.store.ticket(walkIn.code) == (try district.dx.store.ticket(walkIn.code)))
        #expect(applied.hubHas == 1 && applied.pulled >= 2)
        let atDX = try #require(try district.dx.store.ticket(ticket.code))
        #expect(atDX == (try district.ws.store.ticket(ticket.code)))
        #expect(try district.dx.store.syncSettings().unsent == 0)
        #expect(try district.hub.verify().isEmpty)
    }

    @Test("a bundle is judged by the rule table like a push: a forged event refuses its batch and nothing of it is stored")
    func forgedEventInABundle() async throws {
        // Given DX's replica holding, after an honest walk-in, a forged one kept "for" QX with a past deadline
        let district = try District()
        let honest = try district.dx.createTicket(IntakeRequest(category: .help, source: .window, entity: BusinessEntity(name: "东兴五金店"),
                                                                summary: "营业执照变更咨询", keep: true))
        let intake = Intake(code: "DX-26-0099", category: .complaint, source: .window,
                            entity: BusinessEntity(name: "东兴粮油店"), summary: "栽赃的工单",
                            keptBy: "QX", keptDeadline: Fixtures.cst("2026-09-01 24:00"))
        let forged = TicketEvent(id: EventID(origin: "DX", seq: 2), ticket: intake.code, hlc: HybridTimestamp(district.clock.addingTimeInterval(60)),
                                 clock: VectorClock(["DX": 1]), actor: Actor(node: "DX", role: .township, unit: "DX", person: "李镇"),
                                 payload: .created(intake))
        _ = try district.dx.store.appendOwnChain([forged])

        // When the bundle reaches the hub
        let export = try district.bundleExchange().export(now: district.clock)
        let error = try #require(throws: SyncError.self) { try district.hub.importBundle(export.file, now: district.clock) }

        // Then it is refused naming the rule, and the hub holds neither walk-in (they were one batch)
        #expect(error.code == .ruleViolation && error.message.contains("rule create.kept-by-itself"), "\(error)")
        #expect(try district.hub.verify().isEmpty)
        try await district.syncWorkstation()
        #expect(try district.ws.store.ticket(honest.code) == nil && (try district.ws.store.ticket(intake.code)) == nil)
    }

    @Test("a bundle imported twice, and a reply imported twice or late, change nothing")
    func idempotent() async throws {
        let district = try District()
        _ = try district.dx.createTicket(IntakeRequest(category: .help, source: .window, entity: BusinessEntity(name: "东兴五金店"),
                                                       summary: "营业执照变更咨询", keep: true))
        let first = try district.bundleExchange().export(now: district.clock)
        let firstReply = try district.hub.importBundle(first.file, now: district.clock)
        let again = try district.hub.importBundle(first.file, now: district.clock)
        #expect(again.accepted == 0 && again.duplicates == 1)

        // DX works on before the reply comes back and exports again: the new bundle repeats the old event
        _ = try district.dx.createTicket(IntakeRequest(category: .help, source: .window, entity: BusinessEntity(name: "东兴粮油店"),
                                                       summary: "食品经营许可咨询", keep: true))
        let second = try district.bundleExchange().export(now: district.clock)
        #expect(second.events == 2)
        let secondReply = try district.hub.importBundle(second.file, now: district.clock)
        #expect(secondReply.accepted == 1 && secondReply.duplicates == 1)

        // Replies applied newest first, then the older one, then the newest again
        let store = district.dx.store
        _ = try district.bundleExchange().importReply(secondReply.reply, now: district.clock)
        let settled = try store.syncSettings()
        _ = try district.bundleExchange().importReply(firstReply.reply, now: district.clock)
        _ = try district.bundleExchange().importReply(secondReply.reply, now: district.clock)
        let after = try store.syncSettings()
        #expect(after.hubHas == 2 && after.hubHas == settled.hubHas && after.cursor == settled.cursor)
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test("an altered bundle, another node's bundle and a reply given to the hub are refused, and nothing is stored")
    func refusals() async throws {
        let district = try District()
        _ = try district.dx.createTicket(IntakeRequest(category: .help, source: .window, entity: BusinessEntity(name: "东兴五金店"),
                                                       summary: "营业执照变更咨询", keep: true))
        let export = try district.bundleExchange().export(now: district.clock)

        // One byte of the payload changed: the proof no longer holds
        var altered = export.file
        let index = try #require(altered.firstRange(of: Data("五金".utf8))).lowerBound
        altered[index] ^= 0x01
        let tampered = try #require(throws: SyncError.self) { try district.hub.importBundle(altered, now: district.clock) }
        #expect(tampered.code == .unauthorized || tampered.code == .malformed)

        // Not a bundle at all, and a truncated one
        for bad in [Data("hello".utf8), export.file.prefix(40)] {
            let error = try #require(throws: SyncError.self) { try district.hub.importBundle(bad, now: district.clock) }
            #expect(error.code == .malformed)
        }

        // A reply is not a push
        let reply = try district.hub.importBundle(export.file, now: district.clock).reply
        let wrongWay = try #require(throws: SyncError.self) { try district.hub.importBundle(reply, now: district.clock) }
        #expect(wrongWay.code == .malformed)

        // The workstation cannot import DX's reply
        let wsExchange = BundleExchange(store: district.ws.store, software: "test")
        try district.ws.store.setRemote(hubURL: "http://127.0.0.1:9", token: "gd_someone-elses-token-0000")
        #expect(throws: SyncClientError.self) { try wsExchange.importReply(reply, now: district.clock) }
    }

    @Test("a reply bundle is signed with the hub's key: a node pins it, and a reply forged from a copy of the hub's database is refused")
    func forgedReplyRefused() async throws {
        // Given a ticket dispatched to DX and DX's bundle at the hub
        let district = try District()
        let ticket = try district.ws.createTicket(Self.complaint("门店前道路施工影响经营"))
        _ = try district.ws.perform(.dispatch(lead: "DX", co: []), on: ticket.code)
        try await district.syncWorkstation()
        let export = try district.bundleExchange().export(now: district.clock)
        let reply = try district.hub.importBundle(export.file, now: district.clock).reply
        let hubKey = try district.hub.requireInfo().publicKey
        #expect(String(decoding: reply, as: UTF8.self).split(separator: "\n").last?.hasPrefix("ed25519 ") == true)

        // When someone holding a copy of the hub's database (the credential's hash) writes a reply that
        // renames nothing but moves DX's cursor far ahead, unsigned or signed with a key of their own
        let tokenHash = try await district.hub.db.read { db in try String.fetchOne(db, sql: "SELECT token_hash FROM nodes WHERE code = 'DX'")! }
        var forged = try SyncBundle.decode(reply, credentialHash: tokenHash, kind: .reply, node: "DX").payload
        forged.cursor = 1_000_000_000
        forged.pages = forged.pages.map { page in var page = page; page.cursor = 1_000_000_000; return page }
        let attacker = NodeSigningKey()
        var selfSigned = forged
        selfSigned.hubKey = attacker.publicKey
        let unsignedFile = try SyncBundle(forged).encoded(credentialHash: tokenHash)
        let attackerFile = try SyncBundle(selfSigned).encoded(credentialHash: tokenHash, signedBy: attacker)

        // Then a DX that pinned the hub's key refuses both, storing nothing
        try district.dx.store.setRemote(hubURL: "http://127.0.0.1:9", token: try #require(district.dx.store.syncSettings().token), hubKey: hubKey)
        for file in [unsignedFile, attackerFile] {
            #expect(throws: SyncClientError.self) { try district.bundleExchange().importReply(file, now: district.clock) }
            #expect(try district.dx.store.syncSettings().cursor == 0)
            #expect(try district.dx.store.tickets(matching: TicketFilter()).total == 0)
        }
        // And the hub's own reply goes in
        let applied = try district.bundleExchange().importReply(reply, now: district.clock)
        #expect(applied.pulled == 2 && applied.cursor < 1_000_000_000)
        #expect(try district.dx.store.syncSettings().hubKey == hubKey)
    }

    @Test("a node that never met the hub online pins the key of the first signed reply it imports")
    func replyPinsKey() async throws {
        let district = try District()
        let export = try district.bundleExchange().export(now: district.clock)
        #expect(try district.dx.store.syncSettings().hubKey == nil)
        let reply = try district.hub.importBundle(export.file, now: district.clock).reply
        _ = try district.bundleExchange().importReply(reply, now: district.clock)
        #expect(try district.dx.store.syncSettings().hubKey == (try district.hub.requireInfo().publicKey))
    }
}
