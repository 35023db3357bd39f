import Foundation
import Testing
import GongdanCore
import GongdanSync
import GongdanTesting

/// The committed test vectors (`sync-protocol/vectors/`, README §7): every replica folds a vector's
/// events to its `expected` state whatever order they arrive in, and the hub detects its `conflicts`.
@Suite("Sync protocol test vectors")
struct VectorTests {
    /// Vectors whose `expected` follows the protocol's contract while this implementation does not
    /// yet; each is recorded as a known issue until the fold is fixed (then the test says so).
    static let knownDivergences: [String: Comment] = [:]

    static var fileNames: [String] {
        ((try? SyncVector.files()) ?? []).map(\.lastPathComponent)
    }

    static func vector(_ file: String) throws -> SyncVector {
        try SyncVector.load(SyncVector.directory.appendingPathComponent(file))
    }

    /// Runs `body`, expecting it to record issues when the vector is a known divergence.
    static func checking(_ vector: SyncVector, _ body: () throws -> Void) rethrows {
        if let reason = knownDivergences[vector.name] {
            withKnownIssue(reason) { try body() }
        } else {
            try body()
        }
    }

    /// What differs between the fold of `events` and the vector's expected state ("" when nothing).
    static func mismatches(_ events: [TicketEvent], _ vector: SyncVector) -> String {
        guard let state = TicketFold.fold(vector.delivered(events)) else { return "the events fold to no ticket" }
        return StateProjection.mismatches(vector.expected, state).joined(separator: "; ")
    }

    @Test("the vectors directory holds at least the nine scenarios, each named after its file")
    func vectorsArePresent() throws {
        // Given the committed vector files
        let files = try SyncVector.files()
        // When each is loaded
        let vectors = try files.map(SyncVector.load)
        // Then there are enough of them, and each file is named after its vector
        #expect(vectors.count >= 9)
        for (file, vector) in zip(files, vectors) {
            #expect(file.lastPathComponent == vector.name + ".json")
            #expect(!vector.events.isEmpty && !vector.expected.isEmpty && !vector.description.isEmpty)
        }
    }

    @Test("every delivery order listed in a vector folds to its expected state", arguments: fileNames)
    func listedDeliveries(file: String) throws {
        // Given a vector
        let vector = try Self.vector(file)
        #expect(vector.deliveries.count >= 4, "natural, reversed and at least two other orders")
        Self.checking(vector) {
            for (number, delivery) in vector.deliveries.enumerated() {
                // When a replica receives the events in this order
                #expect(delivery.sorted() == Array(vector.events.indices), "delivery \(number) is not a permutation of the events")
                let received = delivery.map { vector.events[$0] }
                // Then it folds to the expected state
                let mismatches = Self.mismatches(received, vector)
                #expect(mismatches.isEmpty, "\(vector.name), delivery \(number) \(delivery): \(mismatches)")
            }
        }
    }

    @Test("twenty seeded shuffles of a vector's events fold to its expected state", arguments: fileNames)
    func seededShuffles(file: String) throws {
        // Given a vector and a seeded generator
        let vector = try Self.vector(file)
        var random = SeededRandom(seed: UInt64(truncatingIfNeeded: file.utf8.reduce(5381) { $0 &* 33 &+ Int($1) }))
        // When the events arrive in twenty random orders
        let failures = (0..<20).compactMap { shuffle -> String? in
            let received = vector.events.shuffled(using: &random)
            let mismatches = Self.mismatches(received, vector)
            return mismatches.isEmpty ? nil : "shuffle \(shuffle) \(received.map(\.id.description)): \(mismatches)"
        }
        // Then every fold is the expected state
        Self.checking(vector) {
            #expect(failures.count == 0, "\(vector.name): \(failures.count) of 20 shuffles differ, first \(failures.first ?? "")")
        }
    }

    @Test("a replica receiving a vector's events one at a time, in any listed order, ends where the natural order ends",
          arguments: fileNames)
    func incrementalArrival(file: String) throws {
        // Given a vector and the state of its events in their natural order
        let vector = try Self.vector(file)
        let reference = try #require(TicketFold.fold(vector.delivered(vector.events)))
        for delivery in vector.deliveries {
            // When a replica folds after every arrival, holding events whose predecessors are missing
            var held: [TicketEvent] = []
            for index in delivery where !vector.stampRefused.contains(vector.events[index].id.description) {
                held.append(vector.events[index])
                _ = TicketFold.fold(held)
            }
            // Then once it holds them all it agrees with the reference
            #expect(TicketFold.fold(held) == reference, "\(vector.name): delivery \(delivery)")
        }
    }

    @Test("the hub detects exactly the conflicts a vector lists", arguments: fileNames)
    func conflicts(file: String) throws {
        // Given a vector and its folded state
        let vector = try Self.vector(file)
        let events = vector.delivered(vector.events)
        let state = try #require(TicketFold.fold(events))
        Self.checking(vector) {
            // When the conflict detector looks at the history
            let detected = ConflictDetector.detect(events: events, state: state)
            // Then it finds the listed conflicts (events compared as sets), no more, no fewer
            let found = detected.map { ConflictSignature(kind: $0.kind, events: Set($0.events.map(\.description))) }
            let listed = vector.conflicts.map { ConflictSignature(kind: $0.kind, events: Set($0.events)) }
            #expect(found.sorted() == listed.sorted(), "\(vector.name): detected \(detected.map(\.summary))")
        }
    }

    @Test("each conflict a vector lists is visible in its folded state", arguments: fileNames)
    func conflictsAreVisibleInState(file: String) throws {
        // Given a vector and its folded state
        let vector = try Self.vector(file)
        let state = try #require(TicketFold.fold(vector.delivered(vector.events)))
        try Self.checking(vector) {
            for conflict in vector.conflicts {
                // When the conflict's events are looked up
                let events = conflict.events.compactMap(vector.event)
                try #require(events.count == conflict.events.count, "\(vector.name): \(conflict.events) names unknown events")
                // Then they are concurrent, and the state shows the rule's outcome
                for other in events.dropFirst() {
                    #expect(events[0].clock.compare(other.clock) == .concurrent, "\(events[0].id) and \(other.id) are not concurrent")
                }
                switch conflict.kind {
                case .handedOverReply:
                    let reply = try #require(events.first { $0.payload.type == "replied" })
                    #expect(state.handedOverReplies.map(\.event).contains(reply.id))
                    #expect(state.lead != reply.actor.unit, "the reply's unit no longer leads")
                case .assignment:
                    for event in events where event.actor.role.isUnit {
                        #expect(state.supersededEvents.contains(event.id))
                    }
                case .concurrentCorrection:
                    let winner = try #require(events.max { ($0.hlc, $0.id) < ($1.hlc, $1.id) })
                    guard case .corrected(let field, let value) = winner.payload else {
                        Issue.record("\(winner.id) is not a correction")
                        continue
                    }
                    #expect(StateProjection.project(state)[field.rawValue] == value.map(JSONValue.string) ?? .null,
                            "\(field.rawValue) takes the later correction \(winner.id)")
                case .duplicateIntake:
                    Issue.record("single-ticket vectors cannot list duplicate intakes")
                case .concurrentEvaluation:
                    let aside = try #require(events.last)
                    #expect(state.supersededEvents.contains(aside.id), "the evaluation set aside")
                }
            }
        }
    }

    @Test("each origin's events in a vector form an unbroken hash chain from seq 1", arguments: fileNames)
    func chains(file: String) throws {
        // Given a vector's events grouped by origin
        let vector = try Self.vector(file)
        let byOrigin = Dictionary(grouping: vector.events, by: \.id.origin)
        for (origin, events) in byOrigin {
            // When the chain is verified from its start
            let sorted = events.sorted { $0.id.seq < $1.id.seq }
            // Then every prev links to the previous event's canonical hash
            #expect(throws: Never.self, "\(vector.name): \(origin)") {
                try EventChain.verify(sorted, after: 0, hash: nil)
            }
        }
    }

    @Test("the committed vectors are the generator's, except for events the harness may restamp")
    func committedVectorsMatchGenerator() throws {
        // Given the generator's vectors and the committed files
        let generated = try VectorGenerator.all()
        let committed = try SyncVector.loadAll()
        // Then names, expectations, conflicts and deliveries agree
        #expect(generated.map(\.name) == committed.map(\.name))
        for (made, file) in zip(generated, committed) {
            #expect(made.expected == file.expected, "\(made.name): regenerate with GONGDAN_WRITE_VECTORS=1")
            #expect(made.conflicts == file.conflicts, "\(made.name)")
            #expect(made.deliveries == file.deliveries, "\(made.name)")
            #expect(made.events.map(\.id) == file.events.map(\.id), "\(made.name)")
            #expect(made.refused == file.refused, "\(made.name)")
            #expect(made.clockFloors == file.clockFloors, "\(made.name)")
        }
    }

    @Test("every refused event of a vector is refused by the hub's judge, naming its rule, and ignored by the fold",
          arguments: fileNames)
    func refusals(file: String) throws {
        let vector = try Self.vector(file)
        let refused = (vector.refused ?? []).filter { !vector.stampRefused.contains($0.event) }
        let state = try #require(TicketFold.fold(vector.delivered(vector.events)))
        #expect(Set(state.refusedEvents.map(\.description)) == Set(refused.map(\.event)))
        let judge = EventJudge(policy: .official)
        for refusal in refused {
            let event = try #require(vector.events.first { $0.id.description == refusal.event })
            // Judged against everything the event saw (an earlier refused event stays in the past it counts;
            // the fold ignores it there too).
            let held = vector.events.filter { other in other.id.origin != event.id.origin || other.id.seq < event.id.seq }
            let error = try #require(throws: SyncError.self) { try judge.judge(ticket: event.ticket, held: held, fresh: [event]) }
            #expect(error.code.rawValue == refusal.code)
            if let rule = refusal.rule { #expect(error.message.contains("rule \(rule)"), "\(error.message)") }
        }
    }

    @Test("every event a vector refuses for its stamp is refused by the stamp rules with clock_behind, naming its rule",
          arguments: fileNames)
    func stampRefusals(file: String) throws {
        // Given a vector's events refused for their stamps
        let vector = try Self.vector(file)
        for name in vector.stampRefused.sorted() {
            let refusal = try #require(vector.refused?.first { $0.event == name })
            let event = try #require(vector.event(name))
            // When the hub checks it against its origin's earlier events, the origin's clock floor and the
            // ticket's events it holds (everything but the origin's later events and other refused ones)
            let held = vector.delivered(vector.events).filter { $0.id.origin != event.id.origin || $0.id.seq < event.id.seq }
            let previous = held.filter { $0.id.origin == event.id.origin }.max { $0.id.seq < $1.id.seq }?.hlc
            var rules = StampRules(previous: previous, floor: vector.clockFloor(of: event.id.origin), tickets: TicketStamps(held))
            // Then it is refused with the listed code, naming the listed rule
            let error = try #require(throws: SyncError.self) { try rules.check(event) }
            #expect(error.code.rawValue == refusal.code)
            if let rule = refusal.rule { #expect(error.message.contains("rule \(rule)"), "\(error.message)") }
        }
    }

    @Test("writing the vector files", .enabled(if: ProcessInfo.processInfo.environment["GONGDAN_WRITE_VECTORS"] != nil))
    func writeVectors() throws {
        try FileManager.default.createDirectory(at: SyncVector.directory, withIntermediateDirectories: true)
        for vector in try VectorGenerator.all() {
            try vector.fileBytes().write(to: SyncVector.directory.appendingPathComponent(vector.name + ".json"))
        }
    }
}

/// A conflict as a kind and a set of event names, for comparing detected with listed conflicts.
struct ConflictSignature: Hashable, Comparable, CustomStringConvertible {
    var kind: ConflictKind
    var events: Set<String>

    static func < (a: Self, b: Self) -> Bool { a.description < b.description }

    var description: String { "\(kind.rawValue)\(events.sorted())" }
}
