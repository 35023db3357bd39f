import Foundation
import GongdanCore
import GongdanStore
import GongdanSync

/// What re-deciding every pushed event costs the hub (`docs/rules.md`): the same signed batches
/// ingested in this process by a hub store that re-decides them and by one that does not (a switch
/// only this benchmark uses), each followed by folding them into the projections, beside a raw SQLite
/// insert of the same rows. Printed, never asserted.
struct JudgingBench {
    let options: BenchOptions

    func run(events count: Int) throws {
        let setup = try SyncBench(options: options).prepare("judging", events: count)
        say("")
        say("re-deciding pushed events (rule table, as of each event's causal past), \(count) events in process, batches of 1000")
        var pushRates: [HubStore.Judging: Double] = [:]
        for judging in [HubStore.Judging.off, .on] {
            let path = setup.directory + "/hub-\(judging).sqlite"
            let hub = try HubStore(path: path, judging: judging)
            try hub.initialize(district: "港南区", at: Date())
            let (_, token) = try hub.registerNode(code: WorkstationHistory.origin, role: .workstation, name: "港南区工作站", at: Date())
            guard let node = try hub.authenticate(token: token) else { throw BenchError("no node") }
            var batches: [PushRequest] = []
            var sent: Int64 = 0
            while let batch = try setup.replica.nextPush(after: sent, limit: 1000, software: "gongdan-bench") {
                batches.append(try batch.request())
                sent = batch.lastSeq
            }
            let start = Date()
            for batch in batches {
                _ = try hub.ingest(batch, from: node, now: Date().addingTimeInterval(3600), projection: .deferred)
            }
            let pushSeconds = Date().timeIntervalSince(start)
            try hub.catchUpProjections(now: Date().addingTimeInterval(3600))
            let foldedSeconds = Date().timeIntervalSince(start)
            pushRates[judging] = Double(count) / pushSeconds
            say(String(format: "    re-deciding %@  push %9.0f events/s (%.2f s)   + folded %9.0f events/s (%.2f s)",
                       judging == .on ? "on " : "off", Double(count) / pushSeconds, pushSeconds,
                       Double(count) / foldedSeconds, foldedSeconds))
        }
        var rows: [RawInsertBaseline.Row] = []
        var seq: Int64 = 0
        while true {
            let events = try setup.replica.ownEvents(after: seq, limit: 10_000)
            guard let last = events.last else { break }
            rows += events.map { ($0.id.origin, $0.id.seq, $0.ticket, $0.payload.type, $0.hlc.packed, $0.canonicalJSONString()) }
            seq = last.id.seq
        }
        let rawSeconds = try RawInsertBaseline.run(rows: rows, batch: 1000, path: setup.directory + "/raw.sqlite")
        let raw = Double(count) / rawSeconds
        say(String(format: "    raw SQLite           %9.0f rows/s   (%.2f s)", raw, rawSeconds))
        if let on = pushRates[.on], let off = pushRates[.off] {
            say(String(format: "    ratios: push with re-deciding %.2f × without, %.2f × raw", on / off, on / raw))
        }
    }
}
