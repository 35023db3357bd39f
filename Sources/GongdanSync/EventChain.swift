import Crypto
import Foundation
import GongdanCore

/// Each origin's events form a hash chain: an event's `prev` is the hash of the origin's previous
/// event (nil for seq 1), and an event's hash is the SHA-256 of its canonical JSON bytes, `prev`
/// included. A signed head then vouches for the whole chain below it, so a replica's history is
/// tamper-evident and provenance survives forwarding.
public enum EventChain {
    /// Hex SHA-256 of the event's canonical bytes.
    public static func hash(of event: TicketEvent) -> String {
        hash(bytes: event.canonicalJSON())
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Hex SHA-256 of `bytes`.
    public static func hash(bytes: [UInt8]) -> String {
        hex(Array(SHA256.hash(data: bytes)))
    }

    /// `bytes` as lower-case hex (digests, authentication codes).
    static func hex(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            var index = 0
            for byte in bytes {
                buffer[index] = hexDigits[Int(byte >> 4)]
                buffer[index + 1] = hexDigits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }

    /// Checks that `events` (one origin, ascending seq) continue the chain whose head is
    /// `(afterSeq, afterHash)`; returns the hash of the last event.
    public static func verify(_ events: [TicketEvent], after afterSeq: Int64, hash afterHash: String?) throws(SyncError) -> String? {
        try link(events, after: afterSeq, hash: afterHash).last?.hash ?? afterHash
    }

    /// `verify`, keeping what it computed: each event with its canonical bytes and their hash, so
    /// the store writes them without encoding and hashing the events a second time.
    public static func link(_ events: [TicketEvent], after afterSeq: Int64, hash afterHash: String?) throws(SyncError) -> [ChainedEvent] {
        let linked = events.map(ChainedEvent.init)
        try check(linked, after: afterSeq, hash: afterHash)
        return linked
    }

    /// Checks that `chained` (one origin, ascending seq, bytes and hashes already computed)
    /// continue the chain whose head is `(afterSeq, afterHash)`.
    public static func check(_ chained: [ChainedEvent], after afterSeq: Int64, hash afterHash: String?) throws(SyncError) {
        var seq = afterSeq
        var previous = afterHash
        for link in chained {
            let event = link.event
            guard event.id.seq == seq + 1 else {
                throw SyncError(.seqGap, "event \(event.id) does not follow seq \(seq): send the events from seq \(seq + 1) on, in order")
            }
            guard event.prev == previous else {
                throw SyncError(.chainBroken, "event \(event.id) does not chain to the origin's previous event (prev \(event.prev ?? "none"), expected \(previous ?? "none")); the node's history was altered — run `gongdan check` on the node")
            }
            previous = link.hash
            seq = event.id.seq
        }
    }
}
