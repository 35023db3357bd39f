import ArgumentParser
import Foundation
import GongdanNode
import GongdanText

/// The one place where errors become messages and exit codes.
///
/// | error | exit | output |
/// | --- | --- | --- |
/// | help requested | 0 | help on standard output |
/// | usage (unknown flag, missing argument, bad value, `ValidationError`) | 2 | message and usage on standard error, in Chinese by ``UsageErrorText`` |
/// | the hub cannot be reached (`SyncClientError.unreachable`) | 3 | `错误：…` / `error: …` on standard error |
/// | domain, store, calendar, command-line or any other error | 1 | `错误：…` / `error: …` on standard error |
/// | `ExitCode(n)` | n | nothing more |
enum ErrorReporter {
    /// Prints what `error` means and returns the exit status.
    static func report(_ error: any Error, language: Language) -> Int32 {
        if let exit = error as? ExitCode, exit != .validationFailure { return exit.rawValue }
        let prefix = language.pick("错误：", "error: ")
        if let message = CommandErrorText(language: language).message(for: error) {
            Console.error(prefix + message)
            return exitStatus(of: error)
        }
        let code = Gongdan.exitCode(for: error)
        if code == .success {
            Console.out(Gongdan.fullMessage(for: error))
            return 0
        }
        if code == .validationFailure {
            Console.error(UsageErrorText.render(Gongdan.fullMessage(for: error), language: language))
            return 2
        }
        Console.error(prefix + Gongdan.message(for: error))
        return exitStatus(of: error)
    }

    /// The exit status of a runtime error: 3 when the hub could not be reached (try again later: a timer
    /// or a script tells it from a refusal, which needs someone to act), 1 for anything else.
    static func exitStatus(of error: any Error) -> Int32 {
        if case .unreachable = error as? SyncClientError { return unreachable }
        return 1
    }

    /// The exit status of `gongdan sync` (and other commands that reach the hub) when the hub is unreachable.
    static let unreachable: Int32 = 3
}
