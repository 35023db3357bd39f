import ArgumentParser
import Foundation
import GongdanStore

/// `gongdan hub restore --from FILE`: puts a hub backup in place of the hub database.
struct HubRestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore the hub database from a backup file (stop the hub first).",
        discussion: """
            Checks that FILE is a Gongdan hub database that passes SQLite's integrity check, and migrates it forward. \
            An existing database is refused unless --force, and then kept as PATH.replaced-YYYYMMDDTHHMMSS (UTC). \
            Nodes push again what the hub lost at their next sync, and pull their feed again from the start.
            """)

    @Option(help: ArgumentHelp("The backup file `gongdan hub backup` wrote.", valueName: "file"))
    var from: String

    @Flag(help: "Replace the existing hub database (it is kept as PATH.replaced-YYYYMMDDTHHMMSS).")
    var force = false

    @OptionGroup var options: HubOptions

    func run() throws {
        let context = try options.context()
        let bar = TerminalProgress(language: context.language, json: context.json)
        let outcome = try HubStore.restore(from: from, to: context.dbPath, replacing: force, now: context.now, progress: bar.reporter)
        bar.finish()
        if context.json {
            try Console.json(outcome)
        } else {
            let l = context.language
            Console.out(BackupText(language: l).restored(outcome).joined(separator: "\n"))
            Console.out(l.pick("启动中心后，各节点下次同步时会补发中心缺少的事件，并从头重新拉取各自的数据",
                               "Once the hub runs again, each node's next sync pushes what the hub lacks and pulls its feed again from the start"))
        }
    }
}
