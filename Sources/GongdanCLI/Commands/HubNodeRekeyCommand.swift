import ArgumentParser
import Foundation
import GongdanStore

/// `gongdan hub node rekey CODE`: a new credential for a registered node.
struct HubNodeRekeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rekey", abstract: "Issue a node a new credential (printed once); the old one stops working at once.",
        discussion: """
            For a node whose disk was lost (it then runs `gongdan init --recover --hub URL --token TOKEN`), or whose \
            credential expired or leaked. The node's next push may register a new public key; the hub keeps the old \
            keys, so `gongdan hub verify` still checks the heads they signed.
            """)

    @Argument(help: "The node's code.")
    var code: String

    @OptionGroup var expiryOption: ExpiryOption

    @OptionGroup var options: HubOptions

    /// `node rekey --json`.
    struct View: Encodable {
        var code: String
        var token: String
        var expiresAt: Date?
        var note: String
    }

    func run() throws {
        let context = try options.context()
        let expiry = try expiryOption.expiry(now: context.now)
        let (node, token) = try context.openStore().rekeyNode(code: code, expiresAt: expiry, at: context.now)
        let l = context.language
        let note = l.pick("旧令牌已失效；新令牌只显示这一次。节点用 gongdan remote set URL --token 令牌 换用；副本丢失时用 gongdan init --recover --hub URL --token 令牌 重建。",
                          "The old token no longer works; the new one is shown only this once. The node switches with `gongdan remote set URL --token TOKEN`; a node whose replica was lost rebuilds it with `gongdan init --recover --hub URL --token TOKEN`.")
        if context.json {
            try Console.json(View(code: node.code, token: token, expiresAt: expiry, note: note))
        } else {
            Console.out(l.pick("已为节点 \(node.code) \(node.name) 换发令牌", "Issued node \(node.code) \(node.name) a new credential"))
            Console.out(ExpiryOption.credentialLines(token: token, expiry: expiry, language: l).joined(separator: "\n"))
            Console.out(note)
        }
    }
}
