import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Times whole `gongdan` processes: start, open the replica, answer, exit.
///
/// Uses `posix_spawn` and `waitpid` directly: Foundation's `Process.waitUntilExit` polls on Linux
/// and rounds every measurement up to a multiple of ~50 ms.
struct ProcessTimer {
    let executable: URL
    let environment: [String: String]

    /// Runs the command `runs` times (after one warm-up) and returns the sorted wall times in ms.
    func time(_ arguments: [String], runs: Int) throws -> [Double] {
        _ = try runOnce(arguments)
        return try (0..<runs).map { _ in try runOnce(arguments) }.sorted()
    }

    func runOnce(_ arguments: [String]) throws -> Double {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, executable.path, &actions, nil, argv, envp) == 0 else {
            throw BenchError("cannot start \(executable.path)")
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        guard status == 0 else {
            throw BenchError("gongdan \(arguments.joined(separator: " ")) exited with status \(status)")
        }
        return elapsed
    }
}

extension Array where Element == Double {
    var median: Double { isEmpty ? 0 : self[count / 2] }
}
