import ArgumentParser
import GongdanStore

/// `gongdan hub node revoke`: refuses a node's credential from now on.
struct HubNodeRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a node's credential (its events stay; its requests are refused).")

    @Argument(help: "The node's code.")
    var code: String

    @OptionGroup var options: HubOptions

    func run() throws {
        let context = try options.context()
        try context.openStore().revokeNode(code: code)
        if context.json {
            try Console.json(["code": code.uppercased(), "revoked": "true"])
        } else {
            Console.out(context.language.pick("已撤销节点 \(code.uppercased()) 的令牌", "Revoked the credential of node \(code.uppercased())"))
        }
    }
}
