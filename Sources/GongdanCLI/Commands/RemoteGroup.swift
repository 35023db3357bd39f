import ArgumentParser
import Foundation

/// `gongdan remote`: where the hub is and this node's credential there.
struct RemoteGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote", abstract: "Set or show the district hub this node syncs with.",
        subcommands: [RemoteSetCommand.self, RemoteShowCommand.self])
}

/// `gongdan remote set URL --token TOKEN`.
struct RemoteSetCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Point this node at a hub, with the token `gongdan hub node add` printed for it.")

    @Argument(help: "The hub's base URL, e.g. http://10.0.0.5:8080")
    var url: String

    @Option(help: "This node's credential at the hub.")
    var token: String

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try Self.check(url: url, token: token)
    }

    static func check(url: String, token: String) throws {
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
            throw ValidationError("'\(url)' is not a hub URL: give http(s)://HOST:PORT, e.g. http://10.0.0.5:8080")
        }
        guard token.count >= 16, !token.contains(where: \.isWhitespace) else {
            throw ValidationError("the token looks truncated: paste the whole token `gongdan hub node add` printed")
        }
    }

    func run() throws {
        let context = try global.context()
        try context.openService().store.setRemote(hubURL: url, token: token)
        Console.out(context.language.pick("已设置中心：\(url)；运行 gongdan sync 同步", "Hub set to \(url); run `gongdan sync`"))
    }
}

/// `gongdan remote show`.
struct RemoteShowCommand: GongdanCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the hub and the sync counters.")

    @OptionGroup var global: GlobalOptions

    struct View: Encodable {
        var hubURL: String?
        var configured: Bool
        var cursor: Int64
        var hubHas: Int64
        var unsent: Int64
    }

    func run() throws {
        let context = try global.context()
        let settings = try context.openService().store.syncSettings()
        if context.json {
            try Console.json(View(hubURL: settings.hubURL, configured: settings.isConfigured, cursor: settings.cursor,
                                  hubHas: settings.hubHas, unsent: settings.unsent))
        } else {
            Console.out(context.language.pick(
                "中心：\(settings.hubURL ?? "（未设置）")\n中心已收到本节点事件至序号 \(settings.hubHas)，未发送 \(settings.unsent) 条，拉取位置 \(settings.cursor)",
                "Hub: \(settings.hubURL ?? "(not set)")\nHub holds this node's events up to seq \(settings.hubHas); \(settings.unsent) unsent; feed cursor \(settings.cursor)"))
        }
    }
}
