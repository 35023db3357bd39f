import Dispatch
import GongdanCore

/// An event with its canonical bytes (the stored and signed form) and their hash.
public struct ChainedEvent: Sendable {
    public let event: TicketEvent
    public let body: [UInt8]
    /// Hex SHA-256 of `body`.
    public let hash: String

    public init(_ event: TicketEvent) {
        self.event = event
        body = event.canonicalJSON()
        hash = EventChain.hash(bytes: body)
    }

    /// Every event of `events` with its bytes and hash, computed on all cores for a large batch
    /// (the encoding and hashing need nothing but the event, so a hub does them before it enters
    /// its store's single writer).
    public static func all(_ events: [TicketEvent]) -> [ChainedEvent] {
        let chunks = events.count >= 256 ? 4 : 1
        guard chunks > 1 else { return events.map(ChainedEvent.init) }
        let size = (events.count + chunks - 1) / chunks
        var parts = [[ChainedEvent]](repeating: [], count: chunks)
        parts.withUnsafeMutableBufferPointer { parts in
            nonisolated(unsafe) let parts = parts
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (chunk * size)..<min(events.count, (chunk + 1) * size)
                parts[chunk] = events[range].map(ChainedEvent.init)
            }
        }
        return parts.flatMap { $0 }
    }
}
