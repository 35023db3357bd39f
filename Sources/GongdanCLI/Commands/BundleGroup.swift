import ArgumentParser
import Foundation
import GongdanNode
import GongdanSync

/// `gongdan bundle`: sync on a file for a node offline for weeks (a USB stick to the hub and back).
struct BundleGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle", abstract: "Sync on a file: export unsent events for the hub, import the hub's reply.",
        discussion: """
            On the node: `gongdan bundle export --out FILE`; at the hub: `gongdan hub bundle import FILE` (it writes \
            the reply); back on the node: `gongdan bundle import REPLY`. Same rules as `gongdan sync`; importing a \
            bundle twice changes nothing.
            """,
        subcommands: [BundleExportCommand.self, BundleImportCommand.self])
}

/// `gongdan bundle export --out FILE`.
struct BundleExportCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the events the hub has not acknowledged to a bundle file.")

    @Option(help: ArgumentHelp("The bundle file to write.", valueName: "file"))
    var out: String

    @Flag(help: "Replace the file if it exists.")
    var force = false

    @OptionGroup var global: GlobalOptions

    /// `bundle export --json`.
    struct View: Encodable {
        var file: String
        var events: Int
        var batches: Int
        var cursor: Int64
    }

    func run() throws {
        let context = try global.context()
        let service = try context.openService()
        let bar = TerminalProgress(language: context.language, json: context.json)
        let export = try BundleExchange(store: service.store, software: GongdanVersion.current).export(now: service.now(), progress: bar.reporter)
        bar.finish()
        try OutputFile.write(export.file, to: out, replacing: force)
        if context.json {
            try Console.json(View(file: out, events: export.events, batches: export.batches, cursor: export.cursor))
        } else {
            Console.out(context.language.pick(
                "已导出 \(export.events) 条未确认事件（\(export.batches) 批）到 \(out)；在中心运行 gongdan hub bundle import，再导入其回复",
                "Exported \(export.events) unacknowledged event(s) in \(export.batches) batch(es) to \(out); at the hub run `gongdan hub bundle import`, then import its reply here"))
        }
    }
}

/// `gongdan bundle import FILE`: the hub's reply.
struct BundleImportCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Apply the hub's reply bundle: what it accepted and what is new in this node's scope.")

    @Argument(help: "The reply bundle `gongdan hub bundle import` wrote.")
    var file: String

    @OptionGroup var global: GlobalOptions

    /// `bundle import --json`.
    struct View: Encodable {
        var hubHas: Int64
        var pulled: Int
        var alreadyHeld: Int
        var cursor: Int64
        var unsent: Int64
        var conflicts: [ConflictNotice]
    }

    func run() throws {
        let context = try global.context()
        let service = try context.openService()
        let data = try OutputFile.read(file, limit: SyncBundle.maxFileBytes)
        let bar = TerminalProgress(language: context.language, json: context.json)
        let outcome = try BundleExchange(store: service.store, software: GongdanVersion.current)
            .importReply(data, now: service.now(), progress: bar.reporter)
        bar.finish()
        let unsent = try service.store.syncSettings().unsent
        if context.json {
            try Console.json(View(hubHas: outcome.hubHas, pulled: outcome.pulled, alreadyHeld: outcome.alreadyHeld,
                                  cursor: outcome.cursor, unsent: unsent, conflicts: outcome.conflicts))
        } else {
            Console.out(context.language.pick(
                "已导入回复：中心已有本节点事件至 #\(outcome.hubHas)，新收到 \(outcome.pulled) 条（已有 \(outcome.alreadyHeld) 条），未发送 \(unsent) 条",
                "Reply imported: the hub holds this node's events up to #\(outcome.hubHas); \(outcome.pulled) new event(s) received (\(outcome.alreadyHeld) already held); \(unsent) unsent"))
            for conflict in outcome.conflicts {
                Console.out(context.language.pick("冲突 #\(conflict.id) \(conflict.ticket)：\(conflict.summary)",
                                                  "conflict #\(conflict.id) \(conflict.ticket): \(conflict.summary)"))
            }
        }
    }
}
