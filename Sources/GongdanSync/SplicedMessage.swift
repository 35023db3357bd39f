import GongdanCore

/// Push requests and pull pages written around events that are already canonical JSON (the bodies
/// a replica or the hub stores), so a sender never decodes and re-encodes what it only forwards.
///
/// The bytes are what `GongdanJSON.encoder()` writes for the same `PushRequest` / `PullResponse`
/// (keys sorted, nil members left out); `SplicedMessageTests` decodes both and compares.
public enum SplicedMessage {
    /// A `PushRequest` whose `events` are the canonical bodies `events`, in order.
    public static func push<Events: Sequence>(
        node: String, events: Events, head: SignedHead?, publicKey: String?, backlog: Int, software: String,
        openings: [SealOpening]? = nil, protocol version: ProtocolVersion = .current
    ) -> [UInt8] where Events.Element: Sequence<UInt8> {
        let openingBytes = openings.flatMap { try? GongdanJSON.encoder().encode($0) }
        var writer = CanonicalJSONWriter(capacity: 64 * 1024)
        writer.object { w in
            w.key("backlog"); w.int(backlog)
            w.key("events"); w.array(events) { w, body in w.raw(body) }
            if let head { w.key("head"); write(head, to: &w) }
            w.key("node"); w.string(node)
            if let openingBytes { w.key("openings"); w.raw(openingBytes) }
            w.key("protocol"); w.string(version.description)
            if let publicKey { w.key("publicKey"); w.string(publicKey) }
            w.key("software"); w.string(software)
        }
        return writer.bytes
    }

    /// A `PullResponse` whose `events` are the canonical bodies `events`, in feed order.
    public static func pull<Events: Sequence>(
        events: Events, cursor: Int64, more: Bool, heads: [SignedHead], units: [HandlingUnit],
        notices: [SyncedNotice]? = nil, conflicts: [ConflictNotice]? = nil, openings: [SealOpening]? = nil,
        protocol version: ProtocolVersion = .current
    ) -> [UInt8] where Events.Element: Sequence<UInt8> {
        // The few notices, conflicts and openings of a page are written by JSONEncoder (the same conventions).
        let noticeBytes = notices.flatMap { try? GongdanJSON.encoder().encode($0) }
        let openingBytes = openings.flatMap { try? GongdanJSON.encoder().encode($0) }
        let conflictBytes = conflicts.flatMap { try? GongdanJSON.encoder().encode($0) }
        var writer = CanonicalJSONWriter(capacity: 256 * 1024)
        writer.object { w in
            if let conflictBytes { w.key("conflicts"); w.raw(conflictBytes) }
            w.key("cursor"); w.int(cursor)
            w.key("events"); w.array(events) { w, body in w.raw(body) }
            w.key("heads"); w.array(heads) { w, head in write(head, to: &w) }
            w.key("more"); w.bool(more)
            if let noticeBytes { w.key("notices"); w.raw(noticeBytes) }
            if let openingBytes { w.key("openings"); w.raw(openingBytes) }
            w.key("protocol"); w.string(version.description)
            w.key("units"); w.array(units) { w, unit in
                w.object { w in
                    w.key("code"); w.string(unit.code)
                    w.key("kind"); w.string(unit.kind.rawValue)
                    w.key("name"); w.string(unit.name)
                }
            }
        }
        return writer.bytes
    }

    private static func write(_ head: SignedHead, to writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.key("hash"); w.string(head.hash)
            w.key("origin"); w.string(head.origin)
            w.key("seq"); w.int(head.seq)
            w.key("signature"); w.string(head.signature)
        }
    }
}
