import Foundation
import GongdanStore
import GongdanSync

/// Pushes a node's own events after what the hub holds, in signed batches, with the next batch
/// on their way while the hub stores the one before (three requests in flight at most).
///
/// Answers are taken in order: the replica records each acknowledgement before the next is
/// taken, so a cut at any point leaves it knowing exactly what the hub holds. A hub that holds
/// less than a later batch needs keeps it waiting for the earlier one (1.3), and one that refuses
/// it (a seq gap) is answered by the earlier batch's refusal, which is the one thrown.
public struct PushPipeline: Sendable {
    public let store: ReplicaStore
    public let transport: any SyncTransport
    public let batchLimit: Int
    public let software: String
    /// How many pushes may be in flight: 3 for a hub that keeps pushes in order (1.3 over HTTP), else 1.
    public let depth: Int

    /// What the pushes achieved.
    public struct Outcome: Sendable {
        public var pushed = 0
        public var duplicates = 0
        public var conflicts: [ConflictNotice] = []
        public var hubHas: Int64
    }

    /// Told after each answer how many of the events to push the hub holds.
    public let progress: ProgressReporter?

    public init(store: ReplicaStore, transport: any SyncTransport, batchLimit: Int, software: String, depth: Int = 3,
                progress: ProgressReporter? = nil) {
        self.store = store
        self.transport = transport
        self.batchLimit = batchLimit
        self.software = software
        self.depth = max(1, depth)
        self.progress = progress
    }

    /// Pushes everything after `hubHas`; stops early when the hub stops advancing.
    public func run(hubHas start: Int64) async throws -> Outcome {
        var outcome = Outcome(hubHas: start)
        try store.acknowledgePush(hubHas: start)
        let last = try store.lastSeq()
        if last > start { progress?(WorkProgress(.push, done: 0, total: last - start)) }
        let transport = transport
        var inFlight: [(batch: OutgoingPush, answer: Task<PushResponse, any Error>)] = []
        defer { for sent in inFlight { sent.answer.cancel() } }
        var sentThrough = start
        var exhausted = false
        while !(exhausted && inFlight.isEmpty) {
            if !exhausted, inFlight.count < depth {
                if let batch = try store.nextPush(after: sentThrough, limit: batchLimit, software: software) {
                    inFlight.append((batch, Task { try await transport.push(batch) }))
                    sentThrough = batch.lastSeq
                    continue
                }
                exhausted = true
                continue
            }
            let sent = inFlight.removeFirst()
            let response: PushResponse
            do {
                response = try await sent.answer.value
            } catch SyncClientError.refused(let refusal) where refusal.code == .seqGap && sent.batch.lastSeq > outcome.hubHas {
                // Sent while an earlier push was unanswered, it reached a hub that did not hold that
                // one yet: the earlier answer is taken now, so send it again (what the hub lacks).
                guard let again = try store.nextPush(after: outcome.hubHas, limit: batchLimit, software: software) else { continue }
                response = try await transport.push(again)
            }
            guard try take(response, into: &outcome) else { return outcome }
            if last > start { progress?(WorkProgress(.push, done: min(outcome.hubHas, last) - start, total: last - start)) }
        }
        return outcome
    }
    /// Records one answer; false when the hub did not advance (nothing more to gain by pushing).
    private func take(_ response: PushResponse, into outcome: inout Outcome) throws -> Bool {
        outcome.pushed += response.accepted
        outcome.duplicates += response.duplicates
        outcome.conflicts += response.conflicts
        guard response.hubHas > outcome.hubHas else { return false }
        outcome.hubHas = response.hubHas
        try store.acknowledgePush(hubHas: response.hubHas)
        return true
    }
}
