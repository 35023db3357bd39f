import ArgumentParser
import Foundation
import GongdanStore
import GongdanSync

/// `gongdan hub bundle`: the hub's side of sync on a file.
struct HubBundleGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle", abstract: "Take in a node's bundle file and write its reply.",
        subcommands: [HubBundleImportCommand.self])
}

/// `gongdan hub bundle import FILE [--reply-out FILE]`.
struct HubBundleImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Apply a node's bundle as its pushes, and write the reply bundle for the node.")

    @Argument(help: "The bundle `gongdan bundle export` wrote on the node.")
    var file: String

    @Option(help: ArgumentHelp("Where to write the reply (default: FILE's name with .reply before its extension).",
                               valueName: "file"))
    var replyOut: String?

    @Flag(help: "Replace the reply file if it exists.")
    var force = false

    @OptionGroup var options: HubOptions

    /// `hub bundle import --json`.
    struct View: Encodable {
        var node: String
        var accepted: Int
        var duplicates: Int
        var replyEvents: Int
        var replyFile: String
        var conflicts: [ConflictNotice]
    }

    /// `DX-1202.gdbundle` → `DX-1202.reply.gdbundle`, in the same folder.
    static func defaultReplyPath(for file: String) -> String {
        let url = URL(fileURLWithPath: file)
        let ext = url.pathExtension
        let base = url.deletingPathExtension()
        return ext.isEmpty ? base.path + ".reply" : base.path + ".reply." + ext
    }

    func run() throws {
        let context = try options.context()
        let store = try context.openStore()
        let data = try OutputFile.read(file, limit: SyncBundle.maxFileBytes)
        let outcome = try store.importBundle(data, now: context.fixedNow ?? Date())
        let replyPath = replyOut ?? Self.defaultReplyPath(for: file)
        try OutputFile.write(outcome.reply, to: replyPath, replacing: force)
        if context.json {
            try Console.json(View(node: outcome.node, accepted: outcome.accepted, duplicates: outcome.duplicates,
                                  replyEvents: outcome.replyEvents, replyFile: replyPath, conflicts: outcome.conflicts))
        } else {
            Console.out(context.language.pick(
                "已接收 \(outcome.node) 的同步包：新事件 \(outcome.accepted) 条（重复 \(outcome.duplicates) 条）；回复（\(outcome.replyEvents) 条事件）已写入 \(replyPath)，请带回节点运行 gongdan bundle import",
                "Took in \(outcome.node)'s bundle: \(outcome.accepted) new event(s) (\(outcome.duplicates) already held); the reply (\(outcome.replyEvents) event(s)) is in \(replyPath) — take it back and run `gongdan bundle import` on the node"))
        }
    }
}
