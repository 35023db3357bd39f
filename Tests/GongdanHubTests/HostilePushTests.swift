import Foundation
import GongdanCore
import GongdanHub
import GongdanSync
import GongdanTesting
import Testing
@testable import GongdanStore

/// Hostile push bodies over real HTTP at a hub that already holds events: each is refused with its
/// code and a message naming what was wrong, and what the hub held is unchanged (rows and chains).
@Suite("Hostile pushes over HTTP", .timeLimit(.minutes(1)))
struct HostilePushTests {
    /// A hostile variant of DX's valid push body.
    enum Hostile: String, CaseIterable, CustomTestStringConvertible {
        case truncated, wrongType, invalidUTF8, deeplyNestedEvents, deeplyNestedUnknownMember, duplicateKey,
             duplicateKeyInEvent, notJSON, huge

        var testDescription: String { rawValue }

        /// The body sent, made from the valid one.
        func body(from valid: Data) -> Data {
            let text = String(decoding: valid, as: UTF8.self)
            switch self {
            case .truncated:
                return valid.prefix(valid.count / 2)
            case .wrongType:
                return Data(text.replacingOccurrences(of: #""seq":1"#, with: #""seq":"1""#).utf8)
            case .invalidUTF8:
                var bytes = valid
                let index = bytes.firstRange(of: Data("黄".utf8))!.lowerBound
                bytes[index] = 0xFF
                return bytes
            case .deeplyNestedEvents:
                return Data((#"{"protocol":"1.0","node":"DX","events":"# + String(repeating: "[", count: 100_000)
                             + String(repeating: "]", count: 100_000) + "}").utf8)
            case .deeplyNestedUnknownMember:
                return Data(text.replacingOccurrences(of: #"{"backlog""#, with: #"{"extra":"# + String(repeating: "[", count: 100_000)
                                                      + String(repeating: "]", count: 100_000) + #","backlog""#).utf8)
            case .duplicateKey:
                return Data(text.replacingOccurrences(of: #""node":"DX""#, with: #""node":"DX","node":"QX""#).utf8)
            case .duplicateKeyInEvent:
                return Data(text.replacing(#""ticket":""#, with: #""ticket":"WS-26-9999","ticket":""#, maxReplacements: 1).utf8)
            case .notJSON:
                return Data("<push>DX</push>".utf8)
            case .huge:
                return Data(repeating: UInt8(ascii: "["), count: SyncLimits.default.maxBodyBytes + 1)
            }
        }

        var status: Int { self == .huge ? 413 : 400 }
        var code: SyncError.Code { self == .huge ? .tooLarge : .malformed }

        /// Words the refusal's message must hold, naming what was wrong.
        var named: [String] {
            switch self {
            case .truncated, .notJSON: ["not a valid"]
            case .wrongType: ["seq"]
            case .invalidUTF8: ["UTF-8"]
            case .deeplyNestedEvents, .deeplyNestedUnknownMember: ["nested more than 512 levels"]
            case .duplicateKey: [#"duplicate member "node""#]
            case .duplicateKeyInEvent: [#"duplicate member "ticket""#]
            case .huge: ["over"]
            }
        }
    }

    @Test(arguments: Hostile.allCases)
    func aHostileBodyIsRefusedWithItsCodeAndTheHubIsUnchanged(_ hostile: Hostile) async throws {
        try await HubHTTPTests().withHub { hub, client in
            // Given a hub holding the workstation's ticket dispatched to DX, and DX's valid next push
            var harness = try HubFixture.dispatchedToDongxing()
            try hub.sync(harness, from: "WS")
            try harness.perform(.sign, on: "DX", at: Fixtures.cst("2026-09-28 11:00"))
            try harness.perform(.contact(note: "电话联系黄老板"), on: "DX", at: Fixtures.cst("2026-09-28 14:00"))
            let valid = try GongdanJSON.encoder().encode(try hub.push(harness.allEvents.filter { $0.id.origin == "DX" }, from: "DX"))
            let before = try hub.counts()

            // When the hostile variant arrives
            let answer = try await client.send("POST", "/api/v1/sync/push", token: hub.tokens["DX"]!, body: hostile.body(from: valid))

            // Then it is refused with its status, code and a message naming the problem
            #expect(answer.status == hostile.status)
            let error = try client.error(answer.body)
            #expect(error.code == hostile.code)
            for word in hostile.named {
                #expect(error.message.localizedCaseInsensitiveContains(word), "\(error.message)")
            }
            // and the hub holds what it held, chains intact
            #expect(try hub.counts() == before)
            #expect(try hub.store.verify() == [])

            // And the valid push is still taken, once: the same batch again is answered as duplicates
            let taken = try await client.send("POST", "/api/v1/sync/push", token: hub.tokens["DX"]!, body: valid)
            #expect(taken.status == 200)
            #expect(try GongdanJSON.decoder().decode(PushResponse.self, from: taken.body).accepted == 2)
            // (the hub folds a push after answering it: fold it now, so the counts below are settled)
            try hub.store.catchUpProjections(now: hub.now)
            let afterValid = try hub.counts()
            let replay = try await client.send("POST", "/api/v1/sync/push", token: hub.tokens["DX"]!, body: valid)
            let replayed = try GongdanJSON.decoder().decode(PushResponse.self, from: replay.body)
            #expect(replay.status == 200 && replayed.accepted == 0 && replayed.duplicates == 2 && replayed.hubHas == 2)
            #expect(try hub.counts() == afterValid)
        }
    }
}
