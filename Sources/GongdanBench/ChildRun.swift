import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One finished child process: exit status, wall time, peak resident memory, and its standard
/// output. `wait4` reports the child's own `ru_maxrss`, so the figure is the child's alone.
struct ChildRun {
    var status: Int32
    var seconds: Double
    var peakResidentBytes: Int
    var output: String

    /// Runs `executable arguments…` with `environment` to completion.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> ChildRun {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("gongdan-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else {
            throw BenchError("cannot start \(executable)")
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        // Linux reports ru_maxrss in kilobytes.
        return ChildRun(status: status, seconds: seconds, peakResidentBytes: Int(usage.ru_maxrss) * 1024, output: output)
    }
}
