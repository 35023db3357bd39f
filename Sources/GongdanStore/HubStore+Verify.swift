import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// Audits the hub's history: every origin's events are contiguous from seq 1 to what the hub
    /// says it holds; each body is canonical JSON; each event's `prev` is the hash of the origin's
    /// previous body; each stored signed head names an event the hub holds, with that event's
    /// hash, and its signature verifies with the key the origin had registered for that seq (its key history; the hub's own for `HUB`).
    /// Returns the problems found, empty when the history is sound.
    public func verify() throws -> [String] {
        try db.read { db in
            var problems: [String] = []
            let hubKey = try String.fetchOne(db, sql: "SELECT signing_key FROM hub WHERE id = 1")
                .map { try NodeSigningKey(base64: $0).publicKey }
            // Each origin's keys by the first seq they sign (a rekeyed node has several).
            var keys: [String: [(firstSeq: Int64, key: String)]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT node, first_seq, public_key FROM node_keys ORDER BY node, first_seq") {
                keys[row["node"], default: []].append((row["first_seq"], row["public_key"]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT code, public_key FROM nodes WHERE public_key IS NOT NULL")
            where keys[row["code"]] == nil {
                keys[row["code"]] = [(1, row["public_key"])]
            }
            if let hubKey { keys[Self.origin] = [(1, hubKey)] }
            let held = Dictionary(try Row.fetchAll(db, sql: "SELECT origin, has_seq FROM origins")
                .map { ($0["origin"] as String, $0["has_seq"] as Int64) }, uniquingKeysWith: { first, _ in first })
            let origins = Set(held.keys).union(try String.fetchAll(db, sql: "SELECT DISTINCT origin FROM events")).sorted()
            let decoder = GongdanJSON.decoder()
            var hashes: [EventID: String] = [:]

            for origin in origins {
                var expectedSeq: Int64 = 1
                var previous: String?
                let rows = try Row.fetchCursor(db, sql: "SELECT seq, body, hash FROM events WHERE origin = ? ORDER BY seq",
                                               arguments: [origin])
                while let row = try rows.next() {
                    let seq: Int64 = row["seq"]
                    let body: String = row["body"]
                    let id = EventID(origin: origin, seq: seq)
                    if seq != expectedSeq {
                        problems.append("\(origin): events jump from seq \(expectedSeq - 1) to \(seq); the chain has a gap")
                    }
                    expectedSeq = seq + 1
                    let hash = EventChain.hash(bytes: Array(body.utf8))
                    hashes[id] = hash
                    if let stored: String = row["hash"], stored != hash {
                        problems.append("\(id): body does not match its recorded hash; the stored event was altered")
                    }
                    guard let event = try? decoder.decode(TicketEvent.self, from: Data(body.utf8)) else {
                        problems.append("\(id): body is not a readable event")
                        previous = hash
                        continue
                    }
                    if event.canonicalJSON() != Array(body.utf8) {
                        problems.append("\(id): body is not in canonical form; the stored event was altered")
                    }
                    if event.id != id {
                        problems.append("\(id): body claims id \(event.id)")
                    }
                    if event.prev != previous {
                        problems.append("\(id): prev \(event.prev ?? "none") is not the hash of \(origin)#\(seq - 1) (\(previous ?? "none")); the chain is broken")
                    }
                    previous = hash
                }
                let count = expectedSeq - 1
                if let has = held[origin], has != count {
                    problems.append("\(origin): the hub says it holds seq 1…\(has) but has events up to \(count)")
                }
            }

            for row in try Row.fetchAll(db, sql: "SELECT origin, seq, hash, signature FROM heads ORDER BY origin, seq") {
                let head = SignedHead(origin: row["origin"], seq: row["seq"], hash: row["hash"], signature: row["signature"])
                let name = "head \(head.origin)#\(head.seq)"
                guard let hash = hashes[EventID(origin: head.origin, seq: head.seq)] else {
                    problems.append("\(name): names an event the hub does not hold")
                    continue
                }
                if hash != head.hash { problems.append("\(name): the signed hash differs from the stored event's hash; the event was altered") }
                guard let key = keys[head.origin]?.last(where: { $0.firstSeq <= head.seq })?.key else {
                    problems.append("\(name): no registered key for \(head.origin) to verify it with")
                    continue
                }
                if !NodeSigningKey.verify(head, publicKey: key) {
                    problems.append("\(name): the signature does not verify with the key \(head.origin) registered for seq \(head.seq)")
                }
            }
            return problems + (try SealedOpenings.problems(db))
        }
    }
}
