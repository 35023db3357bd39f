import Foundation

/// A real `gongdan hub serve` process on 127.0.0.1 with a port the system picks, for integration
/// and fault tests: start it, read its URL, kill it (`SIGKILL`, like a crash) or stop it (`SIGTERM`).
public final class HubProcess: @unchecked Sendable {
    public let db: String
    public private(set) var url = ""
    private var process: Process?
    private let environment: [String: String]
    /// More `hub serve` arguments, e.g. `--tls-cert FILE --tls-key FILE` (then ``url`` is `https://…`).
    private let arguments: [String]

    /// Starts the hub on `db` (already initialised with `gongdan hub init`) and waits until it listens.
    public init(db: String, now: String? = nil, arguments: [String] = []) throws {
        self.db = db
        self.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in !key.hasPrefix("GONGDAN_") }
        environment["LOG_LEVEL"] = "warning"
        if let now { environment["GONGDAN_NOW"] = now }
        self.environment = environment
        try start()
    }

    /// Starts (or restarts, after a kill) the server on the same database; a new port each time.
    public func start() throws {
        let process = Process()
        process.executableURL = BuiltProducts.gongdan
        process.arguments = ["hub", "serve", "--db", db, "--listen", "127.0.0.1:0"] + arguments
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while !text.contains("\n"), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = text.range(of: #"https?://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) else {
            process.terminate()
            throw HubProcessError.didNotStart(output: text)
        }
        url = String(text[range])
        self.process = process
    }

    /// Kills the server at once, as a crash or a power cut would.
    public func kill() {
        guard let process, process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Stops the server gracefully.
    public func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { kill() }
}

/// The hub process did not print its address.
public enum HubProcessError: Error, CustomStringConvertible {
    case didNotStart(output: String)

    public var description: String {
        switch self {
        case .didNotStart(let output): "gongdan hub serve did not report its address; it printed: \(output)"
        }
    }
}
