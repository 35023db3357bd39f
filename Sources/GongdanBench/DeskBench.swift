import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GongdanCore
import GongdanDesk
import GongdanNode
import GongdanStore
import Hummingbird
import Logging

/// The desk's figures of `tools/bench --sections desk` (printed, never asserted):
/// - the to-do page and a ticket page of a workstation's desk on a replica of `--tickets` tickets: the
///   time of each request over loopback HTTP against the desk served in this process (server time plus a
///   loopback round trip), median of `--runs`; targets ≤ 100 ms;
/// - appending a note to a ticket with 2,000 events beside one with 10 (target: within 2×), and the full
///   fold of the long ticket that every append paid before folded states were stored.
struct DeskBench {
    let options: BenchOptions

    func run() async throws {
        say("")
        say("desk on a workstation replica of \(options.tickets) tickets (gongdan desk in this process, loopback HTTP)")
        let path = options.directory + "/bench-desk.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let now = ISO8601DateFormatter().date(from: benchNow)!
        let store = try ReplicaStore(path: path)
        let service = NodeService(store: store, person: "bench", now: { now })
        try service.initialize(role: .workstation, code: "WS", name: "港南区工作站")
        for code in SyntheticDistrict.units {
            try service.addUnit(code: code, name: "单位\(code)", kind: code.count > 2 ? .department : .township)
        }
        let loadStart = Date()
        var district = SyntheticDistrict()
        let events = district.tickets(options.tickets).flatMap { $0 }
        for chunk in stride(from: 0, to: events.count, by: options.batch) {
            try store.appendEvents(Array(events[chunk..<min(chunk + options.batch, events.count)]))
        }
        say(String(format: "  load the replica (%d events): %.1f s", events.count, Date().timeIntervalSince(loadStart)))

        // Appends: a ticket with 10 events and one with 2,000, both dispatched and open.
        let short = try service.createTicket(Self.intake)
        try service.perform(.dispatch(lead: "DX", co: []), on: short.code)
        for index in 0..<8 { try service.perform(.progress(note: "督促 \(index)"), on: short.code) }
        let long = try service.createTicket(Self.intake)
        try service.perform(.dispatch(lead: "DX", co: []), on: long.code)
        let buildStart = Date()
        for index in 0..<1_998 { try service.perform(.progress(note: "督促 \(index)"), on: long.code) }
        say(String(format: "  build a 2,000-event ticket by 1,998 appends: %.1f s", Date().timeIntervalSince(buildStart)))
        let shortTimes = try (0..<max(5, options.runs)).map { index in
            try Self.time { try service.perform(.progress(note: "再督促 \(index)"), on: short.code) }
        }.sorted()
        let longTimes = try (0..<max(5, options.runs)).map { index in
            try Self.time { try service.perform(.progress(note: "再督促 \(index)"), on: long.code) }
        }.sorted()
        let history = try store.events(ofTicket: long.code)
        let policy = try store.districtPolicy()
        let foldTimes = (0..<3).map { _ in Self.time { _ = TicketFold.fold(history, policy: policy) } }.sorted()
        say(String(format: "  append a note, 10-event ticket:    median %6.2f ms", Self.median(shortTimes)))
        say(String(format: "  append a note, 2,000-event ticket: median %6.2f ms  (%.2f× the short one; target ≤ 2×)",
                   Self.median(longTimes), Self.median(longTimes) / Self.median(shortTimes)))
        say(String(format: "  full fold of that ticket (what every append paid before): %.1f ms", Self.median(foldTimes)))

        // Pages, over HTTP against the desk in this process.
        var quiet = Logger(label: "gongdan.desk")
        quiet.logLevel = .critical
        let desk = try DeskApplication(service: service, port: 0, software: "bench", logger: quiet)
        let bound = PortBox()
        let app = desk.makeApplication { port in await bound.set(port) }
        let server = Task { try await app.runService() }
        defer { server.cancel() }
        let port = try await bound.wait()
        let base = URL(string: "http://127.0.0.1:\(port)/")!
        // Redirects not followed: the session cookie comes with the sign-in's 303.
        let client = URLSession(configuration: .ephemeral, delegate: RedirectsRefused(), delegateQueue: nil)
        var login = URLRequest(url: URL(string: "login", relativeTo: base)!)
        login.httpMethod = "POST"
        login.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        login.httpBody = Data("person=bench".utf8)
        let (_, answer) = try await client.data(for: login)
        guard let cookie = (answer as? HTTPURLResponse)?.value(forHTTPHeaderField: "Set-Cookie")?.split(separator: ";").first else {
            throw BenchError("the desk set no session cookie")
        }
        func get(_ path: String) async throws -> (ms: Double, bytes: Int) {
            var request = URLRequest(url: URL(string: base.absoluteString + path)!)
            request.setValue(String(cookie), forHTTPHeaderField: "Cookie")
            let start = Date()
            let (data, response) = try await client.data(for: request)
            let ms = Date().timeIntervalSince(start) * 1000
            guard (response as? HTTPURLResponse)?.statusCode == 200 else {
                throw BenchError("GET \(path) answered \((response as? HTTPURLResponse)?.statusCode ?? 0)")
            }
            return (ms, data.count)
        }
        let middle = TicketCode.make(node: "WS", year: 26, number: options.tickets / 2)
        for (label, path) in [("GET / (the to-do lists)", ""), ("GET /tickets/\(middle)", "tickets/\(middle)"),
                              ("GET /tickets/\(long.code) (2,000 events)", "tickets/\(long.code)"),
                              ("GET /tickets/\(long.code)?all=1 (whole timeline)", "tickets/\(long.code)?all=1")] {
            _ = try await get(path)
            var times: [Double] = []
            var bytes = 0
            for _ in 0..<max(5, options.runs) {
                let result = try await get(path)
                times.append(result.ms)
                bytes = result.bytes
            }
            times.sort()
            say(String(format: "  %-44@ median %6.1f ms, min %.1f, max %.1f  (%d KB)  target ≤ 100 ms",
                       label as NSString, times[times.count / 2], times.first!, times.last!, bytes / 1024))
        }
    }

    static let intake = IntakeRequest(category: .complaint, source: .window,
                                      entity: BusinessEntity(name: "港南区好味餐馆", creditCode: nil, contact: "黄老板", phone: "0775-4331430"),
                                      summary: "门店前道路施工三个月未完工，影响经营")

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start) * 1000
    }

    static func median(_ sorted: [Double]) -> Double { sorted[sorted.count / 2] }
}

/// A URL session delegate that hands back a redirect instead of following it.
private final class RedirectsRefused: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}

/// The port the desk bound, handed from its start-up callback to the bench.
private actor PortBox {
    private var port: Int?

    func set(_ port: Int) { self.port = port }

    func wait() async throws -> Int {
        for _ in 0..<500 {
            if let port { return port }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw BenchError("the desk did not start")
    }
}
