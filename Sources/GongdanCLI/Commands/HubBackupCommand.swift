import ArgumentParser
import Foundation
import GongdanStore

/// `gongdan hub backup --out FILE`: a consistent copy of the hub database, while it serves.
struct HubBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Write a consistent copy of the hub database to a new file, while the hub serves.",
        discussion: """
            Uses SQLite's online backup: the hub keeps serving, and the copy is the database as of one commit (never \
            half a push). Written to a temporary file beside FILE and renamed into place; an existing FILE is refused \
            unless --force. Restore it with `gongdan hub restore --from FILE` (hub stopped).
            """)

    @Option(help: ArgumentHelp("The backup file to write.", valueName: "file"))
    var out: String

    @Flag(help: "Replace FILE if it exists.")
    var force = false

    @OptionGroup var options: HubOptions

    func run() throws {
        let context = try options.context()
        let bar = TerminalProgress(language: context.language, json: context.json)
        let summary = try context.openStore().backup(to: out, replacing: force, progress: bar.reporter)
        bar.finish()
        if context.json {
            try Console.json(summary)
        } else {
            Console.out(context.language.pick("已备份到 \(out)", "Backed up to \(out)"))
            Console.out("  " + BackupText(language: context.language).summary(summary))
        }
    }
}
