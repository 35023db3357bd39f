import Foundation
import GongdanCore
import GongdanSync

/// Hash-chains and signs test events the way a node does before it pushes them (see
/// `sync-protocol/README.md` §3): each origin's events, in seq order, get `prev` = the hash of the
/// origin's previous event, and an origin's last event is vouched for by a signed head.
///
/// ```swift
/// let events = SignedChain.linked(harness.allEvents)
/// let head = try SignedChain.head(of: events, origin: "DX", key: key)
/// ```
public enum SignedChain {
    /// `events` with every `prev` set: per origin, in ascending seq, the first event of the origin
    /// in the list chains to `hash` for that origin (nil: the origin's seq 1, no `prev`).
    /// The result keeps the input's order.
    public static func linked(_ events: [TicketEvent], after hashes: [String: String] = [:]) -> [TicketEvent] {
        var result = events
        var previous = hashes
        for index in events.indices.sorted(by: { events[$0].id < events[$1].id }) {
            let origin = events[index].id.origin
            result[index].prev = previous[origin]
            previous[origin] = EventChain.hash(of: result[index])
        }
        return result
    }

    /// The hash of each origin's highest-seq event in `events`.
    public static func headHashes(of events: [TicketEvent]) -> [String: (seq: Int64, hash: String)] {
        var heads: [String: (seq: Int64, hash: String)] = [:]
        for event in events where event.id.seq > heads[event.id.origin]?.seq ?? 0 {
            heads[event.id.origin] = (event.id.seq, EventChain.hash(of: event))
        }
        return heads
    }

    /// The head of `origin`'s chain in `events` (its highest seq), signed with `key`.
    public static func head(of events: [TicketEvent], origin: String, key: NodeSigningKey) throws -> SignedHead {
        guard let head = headHashes(of: events)[origin] else {
            throw SyncError(.malformed, "no event of origin \(origin) to sign a head for")
        }
        return try key.signHead(origin: origin, seq: head.seq, hash: head.hash)
    }

    /// The signed heads of every origin in `events`, for the origins that have a key in `keys`.
    public static func heads(of events: [TicketEvent], keys: [String: NodeSigningKey]) throws -> [SignedHead] {
        try headHashes(of: events).keys.sorted().compactMap { origin in
            guard let key = keys[origin] else { return nil }
            return try head(of: events, origin: origin, key: key)
        }
    }

    /// A push of `node`'s own `events` (already linked), with the head of the batch signed by `key`.
    ///
    /// Hand-made events carry contact details in the clear, as a 1.4 node's do, so the push speaks 1.4
    /// by default; a 1.5 push must seal them (``sealed(_:category:)`` and `openings`).
    public static func push(_ events: [TicketEvent], node: String, key: NodeSigningKey,
                            publicKey: String? = nil, backlog: Int = 0,
                            protocol version: ProtocolVersion = ProtocolVersion(major: 1, minor: 4),
                            openings: [SealOpening]? = nil) throws -> PushRequest {
        let head = events.isEmpty ? nil : try self.head(of: events, origin: node, key: key)
        return PushRequest(protocol: version, node: node, events: events, head: head, publicKey: publicKey ?? key.publicKey,
                           backlog: backlog, software: "gongdan-tests", openings: openings)
    }

    /// `events` sealed as a 1.5 node seals them (``ContactSeal``; corrections on a ticket of `category`),
    /// in the sealed form they travel in, with their openings. Link them afterwards.
    public static func sealed(_ events: [TicketEvent], category: TicketCategory? = nil) -> (events: [TicketEvent], openings: [SealOpening]) {
        var sealed: [TicketEvent] = []
        var openings: [SealOpening] = []
        for event in events {
            let made = ContactSeal.seal(event, category: category)
            sealed.append(made.event.sealedForm())
            openings += made.openings
        }
        return (sealed, openings)
    }
}
