import Foundation
import Testing
import GongdanCore
import GongdanSync
import GongdanTesting

/// The push validator holds a 1.4 push's stamps to ``StampRules`` and its `backlog` to its bounds.
@Suite("Push validation: stamps and backlog")
struct PushStampTests {
    typealias Setup = PushValidatorTests.Setup

    @Test("a 1.4 push whose first event is stamped below the origin's head at the hub is refused with clock_behind")
    func belowHubHead() throws {
        // Given the hub holds DX's sign and contact, the contact stamped Tue 3 Nov 10:00
        let setup = try Setup()
        let all = try setup.push()
        let head = setup.events[1]
        var validator = setup.validator(hubHas: 2, hubHeadHash: EventChain.hash(of: head))
        validator.hubHeadHLC = head.hlc
        // When DX pushes its reply restamped on Mon 2 Nov, re-signed
        var reply = setup.events[2]
        reply.hlc = HybridTimestamp(Fixtures.cst("2026-11-02 16:00"))
        let request = try SignedChain.push(Array(setup.events[0...1]) + [reply], node: "DX", key: setup.key)
        #expect(request.events.count == all.events.count)
        // Then the push is refused, naming the reply
        let error = try #require(throws: SyncError.self) { try validator.validate(request) { _ in true } }
        #expect(error.code == .clockBehind)
        #expect(error.message.contains("DX#3") && error.message.contains("stamp.origin-order"), "\(error.message)")
    }

    @Test("a 1.3 push is not held to the stamp rules")
    func olderNodesUnaffected() throws {
        // Given the same backdated reply, pushed by a node speaking 1.3
        let setup = try Setup()
        let head = setup.events[1]
        var validator = setup.validator(hubHas: 2, hubHeadHash: EventChain.hash(of: head))
        validator.hubHeadHLC = head.hlc
        var reply = setup.events[2]
        reply.hlc = HybridTimestamp(Fixtures.cst("2026-11-02 16:00"))
        var request = try SignedChain.push(Array(setup.events[0...1]) + [reply], node: "DX", key: setup.key)
        request.protocol = ProtocolVersion(major: 1, minor: 3)
        // When validated / Then it is accepted
        let accepted = try validator.validate(request) { _ in true }
        #expect(accepted.map(\.id.description) == ["DX#3"])
    }

    @Test("a push's backlog outside 0…1 000 000 000 is refused as malformed", arguments: [Int.max, 1_000_000_001, -1, Int.min])
    func backlogOutOfBounds(backlog: Int) throws {
        // Given an honest push whose backlog is out of bounds
        let setup = try Setup()
        var request = try setup.push()
        request.backlog = backlog
        // When validated / Then malformed_request, naming the field and its bounds
        let error = try #require(setup.refusal(request))
        #expect(error.code == .malformed && error.code.httpStatus == 400)
        #expect(error.message.contains("backlog") && error.message.contains("1000000000"), "\(error.message)")
    }

    @Test("a push's backlog at its bounds is accepted", arguments: [0, 1_000_000_000])
    func backlogAtBounds(backlog: Int) throws {
        let setup = try Setup()
        var request = try setup.push()
        request.backlog = backlog
        #expect(try setup.validate(request).count == 3)
    }
}
