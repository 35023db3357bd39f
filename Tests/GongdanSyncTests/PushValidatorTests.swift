import Foundation
import Testing
import GongdanCore
import GongdanSync
import GongdanTesting

/// The hub's rules for a push (README §5.3), without IO.
@Suite("Push validation")
struct PushValidatorTests {
    static let ticket = "WS-26-0001"

    /// A township DX with its key, its three events on a ticket dispatched to it (sign, contact,
    /// reply, linked), and the hub's view of it before any push.
    struct Setup {
        var key: NodeSigningKey
        var caller: RegisteredNode
        var events: [TicketEvent]
        var now: Date
        var inScope: Set<String> = [PushValidatorTests.ticket]

        init() throws {
            let all = try VectorGenerator.straightWalk().events
            events = all.filter { $0.id.origin == "DX" }.sorted { $0.id.seq < $1.id.seq }
            let key = NodeSigningKey()
            self.key = key
            caller = RegisteredNode(code: "DX", role: .township, name: "东兴镇", publicKey: key.publicKey)
            now = events.last!.time.addingTimeInterval(3600)
        }

        func validator(hubHas: Int64 = 0, hubHeadHash: String? = nil, limits: SyncLimits = .default) -> PushValidator {
            PushValidator(caller: caller, hubHas: hubHas, hubHeadHash: hubHeadHash, now: now, limits: limits)
        }

        func push(_ events: [TicketEvent]? = nil) throws -> PushRequest {
            try SignedChain.push(events ?? self.events, node: caller.code, key: key)
        }

        func validate(_ request: PushRequest, hubHas: Int64 = 0, hubHeadHash: String? = nil,
                      limits: SyncLimits = .default) throws(SyncError) -> [TicketEvent] {
            let scope = inScope
            return try validator(hubHas: hubHas, hubHeadHash: hubHeadHash, limits: limits).validate(request) { scope.contains($0) }
        }

        /// The refusal of `request`, or an issue if it was accepted.
        func refusal(_ request: PushRequest, hubHas: Int64 = 0, hubHeadHash: String? = nil, limits: SyncLimits = .default,
                     sourceLocation: SourceLocation = #_sourceLocation) -> SyncError? {
            do {
                let accepted = try validate(request, hubHas: hubHas, hubHeadHash: hubHeadHash, limits: limits)
                Issue.record("accepted \(accepted.map(\.id)) instead of refusing", sourceLocation: sourceLocation)
                return nil
            } catch {
                return error
            }
        }
    }

    /// `events` renumbered as `node`'s seqs from `first`, re-linked as one chain.
    static func renumbered(_ events: [TicketEvent], from first: Int64 = 1) -> [TicketEvent] {
        SignedChain.linked(events.enumerated().map { offset, event in
            var event = event
            event.id = EventID(origin: event.id.origin, seq: first + Int64(offset))
            return event
        })
    }

    /// DX's walk-in ticket `code`: taken in at the window, then a progress note, as DX's seq 1 and 2.
    static func walkIn(code: String = "DX-26-0001", source: IntakeSource = .window) throws -> [TicketEvent] {
        var harness = TicketHarness(code: "DX-26-0001")
        try harness.intake(Fixtures.complaint(source: .window), on: "DX", at: Fixtures.cst("2026-11-02 09:00"))
        try harness.perform(.progress(note: "已登记"), on: "DX", at: Fixtures.cst("2026-11-02 09:10"))
        var events = harness.allEvents.map { event in
            var event = event
            event.ticket = code
            if case .created(var intake) = event.payload { intake.code = code; event.payload = .created(intake) }
            return event
        }
        // The decider would refuse a unit's hotline intake or another node's code, so those are forged by hand.
        if source == .hotline, case .created(var intake) = events[0].payload {
            intake.source = .hotline
            intake.hotlineReceivedAt = Fixtures.cst("2026-11-02 08:30")
            events[0].payload = .created(intake)
        }
        return renumbered(events)
    }

    // MARK: - Acceptance

    @Test("a first push of fresh events is accepted whole, registering the key it carries")
    func acceptsFreshPush() throws {
        // Given a node the hub knows no key of, and a push carrying its key
        var setup = try Setup()
        setup.caller.publicKey = nil
        // When validated
        let accepted = try setup.validate(setup.push())
        // Then every event is to be stored
        #expect(accepted == setup.events)
    }

    @Test("events the hub already holds are skipped and only the fresh ones are returned")
    func skipsDuplicates() throws {
        // Given a hub holding DX#1 and DX#2
        let setup = try Setup()
        let held = EventChain.hash(of: setup.events[1])
        // When DX resends all three (a replay after a cut connection)
        let accepted = try setup.validate(setup.push(), hubHas: 2, hubHeadHash: held)
        // Then only DX#3 is to be stored
        #expect(accepted.map(\.id) == [EventID(origin: "DX", seq: 3)])
    }

    @Test("a batch the hub holds entirely is accepted as nothing new")
    func replayedBatch() throws {
        let setup = try Setup()
        let head = EventChain.hash(of: setup.events[2])
        #expect(try setup.validate(setup.push(), hubHas: 3, hubHeadHash: head).isEmpty)
    }

    @Test("a unit may act in the same batch on a ticket it creates there, though the hub had it in no scope")
    func unitCreatesAndActs() throws {
        let setup = try Setup()
        let events = try Self.walkIn()
        #expect(try setup.validate(setup.push(events)).count == 2)
    }

    @Test("an event stamped within the clock allowance is accepted")
    func clockWithinAllowance() throws {
        var setup = try Setup()
        setup.now = setup.events.last!.time.addingTimeInterval(-240)
        #expect(try setup.validate(setup.push()).count == 3)
    }

    // MARK: - Refusals

    @Test("a revoked credential is refused with credential_revoked (403)")
    func revoked() throws {
        var setup = try Setup()
        setup.caller.revoked = true
        let error = try #require(setup.refusal(setup.push()))
        #expect(error.code == .revoked && error.code.httpStatus == 403)
        #expect(error.message.contains("revoked"))
    }

    @Test("a different major protocol version is refused with unsupported_protocol (426)")
    func protocolMismatch() throws {
        let setup = try Setup()
        var request = try setup.push()
        request.protocol = ProtocolVersion(major: 2, minor: 0)
        let error = try #require(setup.refusal(request))
        #expect(error.code == .unsupportedProtocol && error.code.httpStatus == 426)
    }

    @Test("a push naming another node than the credential's is refused with origin_mismatch")
    func pushNodeMismatch() throws {
        let setup = try Setup()
        var request = try setup.push()
        request.node = "QX"
        let error = try #require(setup.refusal(request))
        #expect(error.code == .originMismatch && error.code.httpStatus == 403)
        #expect(error.message.contains("DX") && error.message.contains("QX"))
    }

    @Test("an event of another origin in the push is refused with origin_mismatch")
    func eventOriginMismatch() throws {
        // Given DX pushing an event that QX made
        let setup = try Setup()
        var events = setup.events
        events[2].id = EventID(origin: "QX", seq: 3)
        // When validated / Then refused, naming the event
        let error = try #require(setup.refusal(setup.push(events)))
        #expect(error.code == .originMismatch)
        #expect(error.message.contains("QX#3"))
    }

    @Test("an event whose actor claims another role or unit is refused with role_forbidden")
    func actorClaimMismatch() throws {
        let setup = try Setup()
        var events = setup.events
        events[0].actor = Actor(node: "DX", role: .workstation, unit: nil, person: "冒充")
        let error = try #require(setup.refusal(setup.push(SignedChain.linked(events))))
        #expect(error.code == .roleForbidden && error.code.httpStatus == 403)
    }

    @Test("more events than the limit in one push is refused with batch_too_large (400)")
    func batchTooLarge() throws {
        let setup = try Setup()
        var limits = SyncLimits()
        limits.maxPushEvents = 2
        let error = try #require(setup.refusal(setup.push(), limits: limits))
        #expect(error.code == .batchTooLarge && error.code.httpStatus == 400)
        #expect(error.message.contains("at most 2"))
    }

    @Test("a first new event that does not follow what the hub holds is refused with seq_gap (409)")
    func seqGapAtStart() throws {
        // Given a hub holding nothing of DX / When DX pushes from seq 2
        let setup = try Setup()
        let error = try #require(setup.refusal(setup.push(Array(setup.events.dropFirst()))))
        // Then seq_gap tells it to send from seq 1
        #expect(error.code == .seqGap && error.code.httpStatus == 409)
        #expect(error.message.contains("from seq 1"))
    }

    @Test("seqs with a hole inside the batch are refused with seq_gap")
    func seqGapInside() throws {
        let setup = try Setup()
        let events = [setup.events[0], setup.events[2]]
        let error = try #require(setup.refusal(setup.push(events)))
        #expect(error.code == .seqGap)
    }

    @Test("an event whose prev is not its predecessor's hash is refused with chain_broken (409)")
    func chainBroken() throws {
        let setup = try Setup()
        var events = setup.events
        events[1].prev = EventChain.hash(bytes: Array("forged".utf8))
        let error = try #require(setup.refusal(setup.push(events)))
        #expect(error.code == .chainBroken && error.code.httpStatus == 409)
    }

    @Test("a continuation that does not chain to the hub's head is refused with chain_broken")
    func chainBrokenAgainstHub() throws {
        let setup = try Setup()
        let error = try #require(setup.refusal(setup.push(), hubHas: 1, hubHeadHash: String(repeating: "f", count: 64)))
        #expect(error.code == .chainBroken)
    }

    @Test("a push with no key registered and none offered is refused with bad_signature (422)")
    func noKey() throws {
        var setup = try Setup()
        setup.caller.publicKey = nil
        var request = try setup.push()
        request.publicKey = nil
        let error = try #require(setup.refusal(request))
        #expect(error.code == .badSignature && error.code.httpStatus == 422)
        #expect(error.message.contains("no registered public key"))
    }

    @Test("a push without a signed head is refused with bad_signature")
    func missingHead() throws {
        let setup = try Setup()
        var request = try setup.push()
        request.head = nil
        let error = try #require(setup.refusal(request))
        #expect(error.code == .badSignature)
    }

    @Test("a signed head that does not cover the batch's last event is refused with bad_signature")
    func headNotCovering() throws {
        // Given a push of three events whose head signs only the second
        let setup = try Setup()
        var request = try setup.push()
        request.head = try setup.key.signHead(origin: "DX", seq: 2, hash: EventChain.hash(of: setup.events[1]))
        // When validated / Then refused, telling the node to sign the batch's head
        let error = try #require(setup.refusal(request))
        #expect(error.code == .badSignature)
        #expect(error.message.contains("does not cover"))
    }

    @Test("a head signed with a key other than the registered one is refused with bad_signature")
    func badSignature() throws {
        // Given a push signed by another key, offering that key, to a hub that registered DX's key
        let setup = try Setup()
        let other = NodeSigningKey()
        let request = try SignedChain.push(setup.events, node: "DX", key: other)
        // When validated / Then the signature does not verify with the registered key
        let error = try #require(setup.refusal(request))
        #expect(error.code == .badSignature)
        #expect(error.message.contains("does not verify"))
    }

    @Test("an event stamped far ahead of the hub's clock is refused with clock_ahead, saying the node's clock is off")
    func clockAhead() throws {
        // Given a hub whose clock is 42 minutes behind DX's last event
        var setup = try Setup()
        setup.now = setup.events.last!.time.addingTimeInterval(-42 * 60)
        // When DX pushes
        let error = try #require(setup.refusal(setup.push()))
        // Then clock_ahead names the event, how far ahead, and tells the node to correct its clock
        #expect(error.code == .clockAhead && error.code.httpStatus == 422)
        #expect(error.message.contains("DX#3") && error.message.contains("42 minutes ahead"))
        #expect(error.message.contains("correct the node's clock"))
    }

    @Test("a unit recording a workstation-only event is refused with role_forbidden",
          arguments: ["dispatched", "extensionDecided", "reviewed", "evaluated", "escalated", "closed", "merged"])
    func unitWorkstationOnly(type: String) throws {
        // Given DX's last event replaced by a workstation-only one
        let setup = try Setup()
        let deadline = Fixtures.cst("2026-11-16 24:00")
        let payloads: [String: TicketEventPayload] = [
            "dispatched": .dispatched(Assignment(lead: "QX", signBy: deadline, deadline: deadline)),
            "extensionDecided": .extensionDecided(approved: true, reason: nil, deadline: deadline),
            "reviewed": .reviewed(accepted: true, reason: nil),
            "evaluated": .evaluated(Evaluation(satisfaction: .satisfied, resolved: true)),
            "escalated": .escalated(Assignment(lead: "SCJG", signBy: deadline, deadline: deadline)),
            "closed": .closed(reason: "自行办结"),
            "merged": .merged(into: "WS-26-0002"),
        ]
        var events = setup.events
        events[2].payload = try #require(payloads[type])
        // When validated / Then refused, naming the event type
        let error = try #require(setup.refusal(setup.push(SignedChain.linked(events))))
        #expect(error.code == .roleForbidden)
        #expect(error.message.contains("'\(type)'") && error.message.contains("only the workstation"))
    }

    @Test("the workstation recording a unit-only event is refused with role_forbidden",
          arguments: ["signed", "returned", "extensionRequested", "referred", "replied"])
    func workstationUnitOnly(type: String) throws {
        // Given the workstation's own events with its last one replaced by a unit-only one
        let key = NodeSigningKey()
        let walk = try VectorGenerator.straightWalk().events
        var events = walk.filter { $0.id.origin == "WS" }.sorted { $0.id.seq < $1.id.seq }
        let payloads: [String: TicketEventPayload] = [
            "signed": .signed, "returned": .returned(reason: "退回"),
            "extensionRequested": .extensionRequested(days: 3, reason: "延期"),
            "referred": .referred(note: "提请协调"), "replied": .replied(result: "办结", resolved: true),
        ]
        events[events.count - 1].payload = try #require(payloads[type])
        events = SignedChain.linked(events)
        let caller = RegisteredNode(code: "WS", role: .workstation, name: "工作站", publicKey: key.publicKey)
        let validator = PushValidator(caller: caller, hubHas: 0, hubHeadHash: nil, now: events.last!.time)
        // When validated / Then refused
        let error = try #require(throws: SyncError.self) {
            try validator.validate(SignedChain.push(events, node: "WS", key: key)) { _ in true }
        }
        #expect(error.code == .roleForbidden)
        #expect(error.message.contains("only the handling unit"))
    }

    @Test("a unit taking in a hotline ticket is refused with role_forbidden")
    func unitHotlineIntake() throws {
        let setup = try Setup()
        let error = try #require(setup.refusal(setup.push(Self.walkIn(source: .hotline))))
        #expect(error.code == .roleForbidden)
        #expect(error.message.contains("hotline"))
    }

    @Test("a unit acting on a ticket never assigned to it is refused with out_of_scope")
    func outOfScope() throws {
        var setup = try Setup()
        setup.inScope = []
        let error = try #require(setup.refusal(setup.push()))
        #expect(error.code == .outOfScope && error.code.httpStatus == 403)
        #expect(error.message.contains(Self.ticket))
    }

    @Test("a ticket code not prefixed by its creating node is refused with origin_mismatch")
    func ticketCodeNotPrefixed() throws {
        // Given DX taking in a walk-in under QX's code
        let setup = try Setup()
        let events = try Self.walkIn(code: "QX-26-0001")
        // When validated / Then refused, naming the code and the creator
        let error = try #require(setup.refusal(setup.push(events)))
        #expect(error.code == .originMismatch)
        #expect(error.message.contains("QX-26-0001") && error.message.contains("DX"))
    }

    @Test("nothing about a refused push is partially accepted: the verdict is all or nothing")
    func allOrNothing() throws {
        // Given a push whose first two events are fine and whose third is out of the role
        let setup = try Setup()
        var events = setup.events
        events[2].payload = .reviewed(accepted: true, reason: nil)
        // Then the whole push is refused rather than its good prefix accepted
        #expect(try setup.refusal(setup.push(SignedChain.linked(events)))?.code == .roleForbidden)
    }
}
