import ArgumentParser
import Foundation
import GongdanStore

/// `gongdan backup --out FILE`: a consistent copy of this node's replica (SQLite online backup).
struct BackupCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Write a consistent copy of this node's replica to a new file.",
        discussion: """
            Uses SQLite's online backup: other gongdan commands and syncs may run meanwhile. The copy is written to a \
            temporary file beside FILE and renamed into place; an existing FILE is refused unless --force. Restore it \
            with `gongdan restore --from FILE`.
            """)

    @Option(help: ArgumentHelp("The backup file to write.", valueName: "file"))
    var out: String

    @Flag(help: "Replace FILE if it exists.")
    var force = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let service = try context.openService()
        let bar = TerminalProgress(language: context.language, json: context.json)
        let summary = try service.store.backup(to: out, replacing: force, progress: bar.reporter)
        bar.finish()
        if context.json {
            try Console.json(summary)
        } else {
            Console.out(context.language.pick("已备份到 \(out)", "Backed up to \(out)"))
            Console.out("  " + BackupText(language: context.language).summary(summary))
        }
    }
}
