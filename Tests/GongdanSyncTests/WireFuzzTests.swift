import Foundation
import Testing
import GongdanCore
import GongdanSync
import GongdanTesting

/// A seeded fuzz of the wire decoders and the bundle reader: random cuts, flips, insertions and
/// splices of valid messages must end in a value or a thrown error — never a crash, a hang, or a
/// fast-path value that JSONDecoder would not give. (This runs in every `swift test`, bounded in
/// count; `tools/fuzz` runs libFuzzer on the same decoders for a bounded time.)
@Suite("Fuzzing the wire decoders and the bundle reader")
struct WireFuzzTests {
    static let rounds = 3_000

    /// A valid push body and pull page to mutate.
    static func seeds() -> [[UInt8]] {
        var random = SeededRandom(seed: 31)
        let events = (0..<6).map { _ in RandomEvents.event(using: &random, wholeSeconds: true) }
        let head = SignedHead(origin: "WS", seq: 6, hash: String(repeating: "f", count: 64), signature: "c2lnbmF0dXJl")
        return [
            SplicedMessage.push(node: "WS", events: events.map { $0.canonicalJSON() }, head: head, publicKey: "a2V5",
                                backlog: 3, software: "gongdan"),
            SplicedMessage.pull(events: events.map { $0.canonicalJSON() }, cursor: 42, more: true, heads: [head],
                                units: [HandlingUnit(code: "DX", name: "东兴镇", kind: .township)]),
        ]
    }

    static func mutate(_ seed: [UInt8], using random: inout SeededRandom, donor: [UInt8]) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...6, using: &random) where !bytes.isEmpty {
            let index = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes[index] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes.remove(at: index)
            case 2: bytes.insert(Array(#"{}[]",:0-9.eE\nutrfals "#.utf8).randomElement(using: &random)!, at: index)
            case 3: bytes = Array(bytes[..<index])
            case 4:  // splice a slice of the other message in
                let start = Int.random(in: 0..<donor.count, using: &random)
                let end = min(donor.count, start + Int.random(in: 1...200, using: &random))
                bytes.insert(contentsOf: donor[start..<end], at: index)
            default:  // duplicate a slice (repeated keys, nested values)
                let end = min(bytes.count, index + Int.random(in: 1...80, using: &random))
                bytes.insert(contentsOf: bytes[index..<end], at: index)
            }
        }
        return bytes
    }

    @Test("mutated push bodies and pull pages decode the same on the fast path as with JSONDecoder (duplicate members refused), or are refused")
    func messages() throws {
        var random = SeededRandom(seed: 32)
        let seeds = Self.seeds()
        var decoded = 0
        for round in 0..<Self.rounds {
            let input = Self.mutate(seeds[round % 2], using: &random, donor: seeds[(round + 1) % 2])
            if round % 2 == 0 {
                let fast = try? PushRequest.decode(from: input)
                let reference = try? GongdanJSON.decodeStrictly(PushRequest.self, from: input)
                #expect(fast == reference, "\(String(decoding: input, as: UTF8.self))")
                if fast != nil { decoded += 1 }
            } else {
                let fast = try? PullResponse.decode(from: input)
                let reference = try? GongdanJSON.decodeStrictly(PullResponse.self, from: input)
                #expect(fast == reference, "\(String(decoding: input, as: UTF8.self))")
                if fast != nil { decoded += 1 }
            }
        }
        #expect(decoded > 0)
    }

    @Test("mutated bundle files are refused with a protocol error unless their proof still holds")
    func bundles() throws {
        var random = SeededRandom(seed: 33)
        let credential = EventChain.hash(bytes: Array("gd_fuzz-token".utf8))
        let events = (0..<4).map { _ in RandomEvents.event(using: &random, wholeSeconds: true) }
        let push = PushRequest(node: "DX", events: events, head: nil, publicKey: nil, backlog: 0, software: "fuzz")
        let file = try SyncBundle(.init(kind: .push, node: "DX", createdAt: Date(timeIntervalSince1970: 1_790_000_000),
                                        cursor: 7, pushes: [push])).encoded(credentialHash: credential)
        let original = try SyncBundle.decode(file, credentialHash: credential, kind: .push, node: "DX")
        var accepted = 0
        for _ in 0..<Self.rounds {
            let input = Data(Self.mutate(Array(file), using: &random, donor: Array(file)))
            do {
                let bundle = try SyncBundle.decode(input, credentialHash: credential, kind: .push, node: "DX")
                // Only bytes whose payload line is unchanged can carry a valid proof.
                #expect(bundle == original)
                accepted += 1
            } catch {
                // Any refusal is a SyncError with a message (typed throws guarantee the type).
                #expect(!error.message.isEmpty)
            }
        }
        #expect(accepted < Self.rounds)
    }
}
