import Foundation
import GRDB
import GongdanCore
import GongdanSync

/// A fingerprint of the event log of any Gongdan database, a node's replica or the hub alike (both
/// keep the same `events` table): per ticket, a hash of the state its events fold to and of the
/// ids of those events; per origin, which seqs the log holds. Two databases holding the same
/// events of a ticket give it the same digest, so comparing digests shows whether a replica has
/// converged with the hub (`gongdan debug digest`, `tools/chaos`).
///
/// The database is opened read-only and never migrated: a hub may be serving it meanwhile.
public struct EventLogDigest: Sendable, Encodable, Equatable {
    /// One ticket.
    public struct Ticket: Sendable, Encodable, Equatable {
        public var code: String
        /// The folded status (`created` when no `created` event is held yet).
        public var status: String
        /// How many events of the ticket the log holds.
        public var events: Int
        /// Hex SHA-256 of the folded state (sorted-key JSON) and the sorted event ids.
        public var digest: String
        /// The units in the ticket's scope by its events: its creator's unit and every unit it was
        /// dispatched or escalated to (lead or co-unit), sorted.
        public var scope: [String]
    }

    /// One origin's events in the log.
    public struct Origin: Sendable, Encodable, Equatable {
        public var origin: String
        public var events: Int
        public var distinctSeqs: Int
        public var firstSeq: Int64
        public var lastSeq: Int64

        /// Whether the log holds exactly seqs 1…lastSeq, each once.
        public var isComplete: Bool { firstSeq == 1 && events == distinctSeqs && Int64(events) == lastSeq }
    }

    /// By ticket code.
    public var tickets: [Ticket]
    /// By origin code.
    public var origins: [Origin]

    /// Reads and folds the whole log of the database at `path`.
    public static func read(path: String) throws -> EventLogDigest {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notInitialized(path: path) }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: config)
        let encoder = stateEncoder()
        return try queue.read { db in
            let origins = try Row.fetchAll(db, sql: """
                SELECT origin, count(*) AS events, count(DISTINCT seq) AS distinctSeqs, min(seq) AS firstSeq, max(seq) AS lastSeq
                FROM events GROUP BY origin ORDER BY origin
                """).map { row in
                Origin(origin: row["origin"], events: row["events"], distinctSeqs: row["distinctSeqs"],
                       firstSeq: row["firstSeq"], lastSeq: row["lastSeq"])
            }
            var tickets: [Ticket] = []
            var code: String?
            var events: [TicketEvent] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT ticket, body FROM events ORDER BY ticket, origin, seq")
            while let row = try rows.next() {
                let ticket: String = row["ticket"]
                if ticket != code, let code {
                    tickets.append(try digest(code, events, encoder: encoder))
                    events.removeAll(keepingCapacity: true)
                }
                code = ticket
                events.append(try GongdanJSON.decodeEvent(row["body"] as String))
            }
            if let code { tickets.append(try digest(code, events, encoder: encoder)) }
            return EventLogDigest(tickets: tickets, origins: origins)
        }
    }

    /// The digest of one ticket from its events (in any order), folded under the official policy so that
    /// a replica and the hub compare the same thing.
    static func digest(_ code: String, _ events: [TicketEvent], encoder: JSONEncoder) throws -> Ticket {
        let state = TicketFold.fold(events, policy: .official)
        var bytes = try state.map { Array(try encoder.encode($0)) } ?? Array("null".utf8)
        for id in events.map(\.id).sorted() { bytes += Array("|\(id.origin)#\(id.seq)".utf8) }
        var scope = Set<String>()
        for event in events {
            switch event.payload {
            case .created:
                if let unit = event.actor.unit { scope.insert(unit) }
            case .dispatched(let assignment), .escalated(let assignment):
                scope.formUnion([assignment.lead] + assignment.co)
            default:
                break
            }
        }
        return Ticket(code: code, status: state?.status.rawValue ?? "created", events: events.count,
                      digest: EventChain.hash(bytes: bytes), scope: scope.sorted())
    }

    /// Sorted keys and whole-millisecond dates: the same state encodes to the same bytes everywhere.
    static func stateEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }
}
