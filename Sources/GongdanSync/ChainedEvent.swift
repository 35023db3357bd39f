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
}
