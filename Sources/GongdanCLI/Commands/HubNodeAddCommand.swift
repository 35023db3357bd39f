import ArgumentParser
import Foundation
import GongdanCore
import GongdanStore
import GongdanText

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

    @OptionGroup var expiryOption: ExpiryOption

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
        let expiry = try expiryOption.expiry(now: context.now)
        let (node, token) = try context.openStore().registerNode(code: code, role: role, name: name, expiresAt: expiry, at: context.now)
        let note = context.language.pick("令牌只显示这一次，中心只保存其哈希；请妥善交给该节点（丢失或过期时用 gongdan hub node rekey \(node.code) 换发）。",
                                         "The token is shown only this once (the hub keeps only its hash); hand it to the node securely (if lost or expired: `gongdan hub node rekey \(node.code)`).")
        if context.json {
            try Console.json(View(code: node.code, role: node.role, name: node.name, token: token, expiresAt: expiry, note: note))
        } else {
            let role = Labels(language: context.language).role(node.role)
            Console.out(context.language.pick("已登记节点 \(node.code) \(node.name)（\(role)）", "Registered node \(node.code) \(node.name) (\(role))"))
            Console.out(ExpiryOption.credentialLines(token: token, expiry: expiry, language: context.language).joined(separator: "\n"))
            Console.out(note)
        }
    }
}
