import ArgumentParser
import Foundation
import GongdanCore
import GongdanStore

/// `gongdan hub node add`: registers a node and prints its bearer token, once.
struct HubNodeAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Register a node and print its credential (shown only this once).")

    @Argument(help: "The node's code, e.g. DX (its ticket codes start with it).")
    var code: String

    @Option(help: "What the node acts as.")
    var role: Role

    @Option(help: "The node's display name, e.g. 东兴镇.")
    var name: String

    @Option(help: ArgumentHelp("When the credential stops working: days from now (180d), a date (2027-06-30, through that day, China Standard Time) or an ISO 8601 time. Default: never.",
                               valueName: "expiry"))
    var expires: String?

    @OptionGroup var options: HubOptions

    /// `node add --json`.
    struct View: Encodable {
        var code: String
        var role: Role
        var name: String
        var token: String
        /// When the credential stops working; absent when it never does.
        var expiresAt: Date?
        var note: String
    }

    func run() throws {
        let context = try options.context()
        let expiry = try ExpiryInput.parse(expires, now: context.now)
        let (node, token) = try context.openStore().registerNode(code: code, role: role, name: name, expiresAt: expiry, at: context.now)
        let note = context.language.pick("令牌只显示这一次，中心只保存其哈希；请妥善交给该节点（丢失或过期时用 gongdan hub node rekey \(node.code) 换发）。",
                                         "The token is shown only this once (the hub keeps only its hash); hand it to the node securely (if lost or expired: `gongdan hub node rekey \(node.code)`).")
        if context.json {
            try Console.json(View(code: node.code, role: node.role, name: node.name, token: token, expiresAt: expiry, note: note))
        } else {
            let role = Labels(language: context.language).role(node.role)
            Console.out(context.language.pick("已登记节点 \(node.code) \(node.name)（\(role)）", "Registered node \(node.code) \(node.name) (\(role))"))
            Console.out(context.language.pick("令牌：", "token: ") + token)
            if let expiry {
                Console.out(context.language.pick("有效期至：", "expires: ") + TimeText.instant(expiry))
            }
            Console.out(note)
        }
    }
}
