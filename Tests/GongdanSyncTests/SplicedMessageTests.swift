import Foundation
import Testing
import GongdanCore
import GongdanSync
import GongdanTesting

/// Push requests and pull pages spliced from stored bodies are the messages JSONEncoder writes.
@Suite("Spliced sync messages")
struct SplicedMessageTests {
    static func events(_ count: Int) -> [TicketEvent] {
        var random = SeededRandom(seed: 11)
        return (0..<count).map { _ in RandomEvents.event(using: &random, wholeSeconds: true) }
    }

    @Test("a spliced push is byte for byte what JSONEncoder writes for the same request")
    func pushMatchesEncoder() throws {
        let events = Self.events(40)
        let head = SignedHead(origin: "WS", seq: 40, hash: String(repeating: "a", count: 64), signature: "c2ln")
        for (head, key) in [(head, "a2V5" as String?), (nil, nil)] {
            let request = PushRequest(node: "WS", events: events, head: head, publicKey: key, backlog: 7, software: "gongdan 1")
            let spliced = SplicedMessage.push(node: "WS", events: events.map { $0.canonicalJSON() }, head: head,
                                              publicKey: key, backlog: 7, software: "gongdan 1")
            #expect(String(decoding: spliced, as: UTF8.self) == String(decoding: try GongdanJSON.encoder().encode(request), as: UTF8.self))
        }
    }

    @Test("a spliced pull page decodes to the page it stands for")
    func pullDecodes() throws {
        let events = Self.events(25)
        let heads = [SignedHead(origin: "DX", seq: 3, hash: "ab", signature: "c2ln")]
        let units = [HandlingUnit(code: "DX", name: "东兴镇 \"东\"", kind: .township)]
        let page = PullResponse(events: events, cursor: 99, more: true, heads: heads, units: units)
        let spliced = SplicedMessage.pull(events: events.map { $0.canonicalJSON() }, cursor: 99, more: true,
                                          heads: heads, units: units)
        #expect(try GongdanJSON.decoder().decode(PullResponse.self, from: Data(spliced)) == page)
        #expect(String(decoding: spliced, as: UTF8.self) == String(decoding: try GongdanJSON.encoder().encode(page), as: UTF8.self))
    }

    @Test("an outgoing push decodes to the request the hub validates")
    func outgoingPushDecodes() throws {
        let events = Self.events(5)
        let push = OutgoingPush(node: "WS", bodies: events.map { $0.canonicalJSONString() }, lastSeq: 5, head: nil,
                                publicKey: nil, backlog: 0, software: "t")
        #expect(try push.request() == PushRequest(node: "WS", events: events, head: nil, publicKey: nil, backlog: 0, software: "t"))
    }

    @Test("linking a chain keeps each event's canonical bytes and hash")
    func linkKeepsBytes() throws {
        let chain = try EventChainTests.dxChain()
        let linked = try EventChain.link(chain, after: 0, hash: nil)
        #expect(linked.map(\.body) == chain.map { $0.canonicalJSON() })
        #expect(linked.map(\.hash) == chain.map { EventChain.hash(of: $0) })
    }
}

@Suite("Fast decoding of sync messages")
struct FastMessageDecodingTests {
    @Test("a spliced push and pull page decode on the fast path to what JSONDecoder reads")
    func messagesTakeTheFastPath() throws {
        let events = SplicedMessageTests.events(30)
        let head = SignedHead(origin: "WS", seq: 30, hash: "ab", signature: "c2ln")
        let push = SplicedMessage.push(node: "WS", events: events.map { $0.canonicalJSON() }, head: head, publicKey: nil,
                                       backlog: 2, software: "s")
        #expect(try PushRequest.decode(from: push) == GongdanJSON.decoder().decode(PushRequest.self, from: Data(push)))
        let page = SplicedMessage.pull(events: events.map { $0.canonicalJSON() }, cursor: 5, more: false, heads: [head],
                                       units: [HandlingUnit(code: "DX", name: "东兴镇", kind: .township)])
        #expect(try PullResponse.decode(from: page) == GongdanJSON.decoder().decode(PullResponse.self, from: Data(page)))
    }

    @Test("a push with a wrong type is refused with JSONDecoder's error, naming where")
    func malformedPushKeepsTheDetailedError() throws {
        let body = Array(#"{"protocol":"1.0","node":"WS","events":[],"backlog":"many","software":"s"}"#.utf8)
        let error = try #require(throws: DecodingError.self) { try PushRequest.decode(from: body) }
        #expect("\(error)".contains("backlog"))
    }
}
