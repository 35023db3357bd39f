import Foundation
import GongdanCore
import GongdanStore

/// What a finished `gongdan` process left behind.
public struct GongdanResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Standard output parsed as a JSON object.
    public func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] else {
            throw GongdanProcess.Failure.notJSONObject(stdout)
        }
        return object
    }
}

/// Runs the built `gongdan` binary as a real process against one replica in a temporary directory,
/// with `GONGDAN_DB`, `GONGDAN_NOW`, `GONGDAN_USER` and `LANG` set (nothing leaks in from the
/// developer's environment).
public struct GongdanProcess: Sendable {
    public enum Failure: Error {
        case notJSONObject(String)
    }

    public let directory: TemporaryDirectory
    /// The replica of this node.
    public var db: String
    /// `GONGDAN_NOW`.
    public var now = "2026-09-28T09:00:00+08:00"
    /// `LANG`.
    public var lang = "zh_CN.UTF-8"
    /// `GONGDAN_USER`.
    public var user = "测试员"
    /// The umask the process runs under (e.g. `"022"`, through `/bin/sh`); nil keeps the test process's.
    public var umask: String?

    public init(_ directory: TemporaryDirectory, replica: String = "replica.sqlite") {
        self.directory = directory
        db = directory.path(replica)
    }

    /// Runs `gongdan arguments…` to completion.
    @discardableResult
    public func run(_ arguments: [String], now: String? = nil, environment extra: [String: String] = [:]) throws -> GongdanResult {
        let process = Process()
        if let umask {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "umask \(umask) && exec \"$0\" \"$@\"", BuiltProducts.gongdan.path] + arguments
        } else {
            process.executableURL = BuiltProducts.gongdan
            process.arguments = arguments
        }
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("GONGDAN_") && key != "LANG" && !key.hasPrefix("LC_")
        }
        environment["GONGDAN_DB"] = db
        environment["GONGDAN_NOW"] = now ?? self.now
        environment["GONGDAN_USER"] = user
        environment["LANG"] = lang
        environment.merge(extra) { $1 }
        process.environment = environment
        let id = UUID().uuidString
        let outPath = directory.path("out-\(id)"), errPath = directory.path("err-\(id)")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        return GongdanResult(status: process.terminationStatus,
                             stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self),
                             stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self))
    }

    /// Runs a command that must succeed, and returns its standard output.
    @discardableResult
    public func ok(_ arguments: [String], now: String? = nil) throws -> String {
        let result = try run(arguments, now: now)
        guard result.status == 0 else {
            throw CommandFailed(arguments: arguments, result: result)
        }
        return result.stdout
    }

    /// The number of events the replica holds for `ticket`.
    public func eventCount(_ ticket: String) throws -> Int {
        try ReplicaStore(path: db).events(ofTicket: ticket).count
    }

    /// Carries every event of `ticket` from this replica to `other` directly (tests of one replica's CLI that do not need a hub).
    public func carry(_ ticket: String, to other: GongdanProcess) throws {
        let events = try ReplicaStore(path: db).events(ofTicket: ticket)
        try ReplicaStore(path: other.db).appendEvents(events)
    }
}

/// A command that should have succeeded did not.
public struct CommandFailed: Error, CustomStringConvertible {
    public var arguments: [String]
    public var result: GongdanResult

    public init(arguments: [String], result: GongdanResult) {
        self.arguments = arguments
        self.result = result
    }

    public var description: String {
        "gongdan \(arguments.joined(separator: " ")) exited \(result.status)\nstdout: \(result.stdout)\nstderr: \(result.stderr)"
    }
}
