import ArgumentParser
import GongdanStore

/// `gongdan debug digest`: per ticket, a digest of the state its events fold to and the event
/// count; per origin, the seqs held. Works on a node's replica and on the hub's database alike
/// (read-only, so while the hub serves); `tools/chaos` compares a node's digests with the hub's.
struct DebugDigestCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Per ticket: folded-state digest and event count; per origin: seqs held (replica or hub database).",
        shouldDisplay: false)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let digest = try EventLogDigest.read(path: context.dbPath)
        if context.json {
            try Console.json(digest)
            return
        }
        for ticket in digest.tickets {
            Console.out("\(ticket.code) \(ticket.status) \(ticket.events) \(ticket.digest.prefix(16)) \(ticket.scope.joined(separator: ","))")
        }
        for origin in digest.origins {
            Console.out("origin \(origin.origin): \(origin.events) events, seqs \(origin.firstSeq)…\(origin.lastSeq)\(origin.isComplete ? "" : " (gaps or repeats)")")
        }
    }
}
