import Foundation
import GongdanCore

/// A push as a node sends it: the envelope and its events' stored canonical bodies, spliced into
/// the request as they are (`SplicedMessage.push`), never decoded and re-encoded on the way out.
public struct OutgoingPush: Sendable {
    public var node: String
    /// The events' canonical JSON, ascending seq.
    public var bodies: [String]
    /// The seq of the last event.
    public var lastSeq: Int64
    public var head: SignedHead?
    public var publicKey: String?
    public var backlog: Int
    public var software: String
    /// The openings of the batch's sealed fields.
    public var openings: [SealOpening]

    public init(node: String, bodies: [String], lastSeq: Int64, head: SignedHead?, publicKey: String?, backlog: Int,
                software: String, openings: [SealOpening] = []) {
        self.node = node
        self.bodies = bodies
        self.lastSeq = lastSeq
        self.head = head
        self.publicKey = publicKey
        self.backlog = backlog
        self.software = software
        self.openings = openings
    }

    /// The `POST /sync/push` body.
    public func encoded() -> [UInt8] {
        SplicedMessage.push(node: node, events: bodies.lazy.map(\.utf8), head: head, publicKey: publicKey,
                            backlog: backlog, software: software, openings: openings.isEmpty ? nil : openings)
    }

    /// The request the hub decodes from `encoded()` (for transports without a network).
    public func request() throws -> PushRequest {
        try PushRequest.decode(from: encoded())
    }
}
