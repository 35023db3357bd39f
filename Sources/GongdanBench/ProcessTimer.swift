import Foundation

/// Times whole `gongdan` processes: start, open the replica, answer, exit.
struct ProcessTimer {
    let executable: URL
    let environment: [String: String]

    /// Runs the command `runs` times (after one warm-up) and returns the sorted wall times in ms.
    func time(_ arguments: [String], runs: Int) throws -> [Double] {
        _ = try runOnce(arguments)
        return try (0..<runs).map { _ in try runOnce(arguments) }.sorted()
    }

    func runOnce(_ arguments: [String]) throws -> Double {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = Date()
        try process.run()
        process.waitUntilExit()
        let elapsed = Date().timeIntervalSince(start) * 1000
        guard process.terminationStatus == 0 else {
            throw BenchError("gongdan \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return elapsed
    }
}

extension Array where Element == Double {
    var median: Double { isEmpty ? 0 : self[count / 2] }
}
