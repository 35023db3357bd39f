import Foundation

/// A `gongdan hub serve` process on 127.0.0.1 (a free port), for the sync benchmarks: its URL, its
/// pid, and its peak resident memory read from `/proc/PID/status` while it runs.
final class HubServer {
    let url: URL
    private let process: Process

    /// Starts the hub on `db` (already initialised), with `arguments` added to `hub serve` (e.g. its
    /// TLS files), and waits until it prints its address.
    init(gongdan: String, db: String, arguments: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gongdan)
        process.arguments = ["hub", "serve", "--db", db, "--listen", "127.0.0.1:0"] + arguments
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in !key.hasPrefix("GONGDAN_") }
        // BENCH_HUB_LOG_LEVEL=info keeps the hub's log (per push: read and store milliseconds) in hub.log beside `db`.
        let level = ProcessInfo.processInfo.environment["BENCH_HUB_LOG_LEVEL"]
        environment["LOG_LEVEL"] = level ?? "warning"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        let logPath = (db as NSString).deletingLastPathComponent + "/hub.log"
        if level != nil, FileManager.default.createFile(atPath: logPath, contents: nil),
           let log = FileHandle(forWritingAtPath: logPath) {
            process.standardError = log
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("\n"), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = text.range(of: #"https?://127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
              let url = URL(string: String(text[range]) + "/") else {
            process.terminate()
            throw BenchError("gongdan hub serve did not report its address: \(text)")
        }
        self.url = url
        self.process = process
    }

    /// The process's peak resident set so far (`VmHWM`), in bytes.
    var peakResidentBytes: Int {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes * 1024
    }

    /// User plus system CPU seconds the process has used so far (`/proc/PID/stat`).
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        // After "pid (comm)": field 3 is the state; utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Stops the hub gracefully.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }
}
