import ArgumentParser
import Foundation
import GongdanText

/// The `gongdan` command: the node's command line.
///
/// A thin shell: each subcommand parses its arguments, calls `NodeService`, and formats the result.
/// Errors are turned into messages and exit codes in one place, ``ErrorReporter``:
/// 0 success, 1 refused or invalid input, 2 usage.
@main
struct Gongdan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongdan",
        abstract: "Gongdan 工单: handle business entities' reports on this node's replica.",
        discussion: """
            Exit codes: 0 success; 1 refused or invalid input (the message says why and what to do); 2 usage error.
            Environment: GONGDAN_DB (replica path), GONGDAN_NOW (fixed clock, ISO 8601), GONGDAN_USER (who acts), \
            LANG (en… → English labels).
            """,
        version: GongdanVersion.current,
        subcommands: [
            InitCommand.self, UnitGroup.self, TicketGroup.self, CalendarGroup.self,
            StatusCommand.self, CheckCommand.self, SyncCommand.self, DeskCommand.self, RemoteGroup.self, BundleGroup.self, BackupCommand.self,
            RestoreCommand.self, DebugGroup.self, HubGroup.self,
            NoticeGroup.self, ReportGroup.self, DemoCommand.self,
        ]
    )

    /// Parses, runs, and maps any error to its message and exit code (see ``ErrorReporter``).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        var language = Language.resolve(flag: Language.scan(arguments), environment: ProcessInfo.processInfo.environment)
        let status: Int32
        do {
            var command = try parseAsRoot(arguments)
            if let command = command as? any GongdanCommand { language = command.global.language }
            try command.run()
            status = 0
        } catch {
            status = ErrorReporter.report(error, language: language)
        }
        Foundation.exit(status)
    }
}
