import ArgumentParser
import Foundation
import GongdanStore

/// `gongdan restore --from FILE`: puts a replica backup in place of this node's replica.
struct RestoreCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore this node's replica from a backup file.",
        discussion: """
            Checks that FILE is a Gongdan replica that passes SQLite's integrity check, and migrates it forward. An \
            existing replica is refused unless --force, and then kept as PATH.replaced-YYYYMMDDTHHMMSS (UTC). The \
            restored replica records no new event until `gongdan sync` has fetched back this node's events the hub \
            received after the backup.
            """)

    @Option(help: ArgumentHelp("The backup file `gongdan backup` wrote.", valueName: "file"))
    var from: String

    @Flag(help: "Replace the existing replica (it is kept as PATH.replaced-YYYYMMDDTHHMMSS).")
    var force = false

    @OptionGroup var global: GlobalOptions

    /// `restore --json`.
    struct View: Encodable {
        var backup: BackupSummary
        var database: String
        var replaced: String?
        var schema: String
        /// What to run before recording new events.
        var next: String
    }

    func run() throws {
        let context = try global.context()
        let bar = TerminalProgress(language: context.language, json: context.json)
        let outcome = try ReplicaStore.restore(from: from, to: context.dbPath, replacing: force, now: context.now, progress: bar.reporter)
        bar.finish()
        if context.json {
            try Console.json(View(backup: outcome.backup, database: outcome.database, replaced: outcome.replaced,
                                  schema: outcome.schema, next: "gongdan sync"))
        } else {
            let l = context.language
            Console.out(BackupText(language: l).restored(outcome).joined(separator: "\n"))
            Console.out(l.pick("记录新事件前请先运行 gongdan sync：它会从中心取回备份之后本节点已发送的事件",
                               "Run `gongdan sync` before recording new events: it fetches back this node's events the hub received after the backup"))
        }
    }
}
