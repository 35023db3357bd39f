import ArgumentParser
import GongdanCore

/// `gongdan init`: gives a new replica its identity.
struct InitCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create this node's replica: its role, code and name.")

    @Option(help: "What this node acts as.")
    var role: Role

    @Option(help: ArgumentHelp("The node's code: 2–8 letters or digits, unique in the district (prefix of its ticket codes).", valueName: "code"))
    var node: String

    @Option(help: "The node's display name, e.g. 东兴镇.")
    var name: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let identity = try context.createService().initialize(role: role, code: node, name: name)
        if context.json {
            try Console.json(NodeView(code: identity.code, name: identity.name, role: identity.role, db: context.dbPath))
        } else {
            let role = Labels(language: context.language).role(identity.role)
            Console.out(context.language.pick(
                "已初始化节点 \(identity.code) \(identity.name)（\(role)），副本：\(context.dbPath)",
                "Initialised node \(identity.code) \(identity.name) (\(role)); replica: \(context.dbPath)"))
        }
    }
}

/// A node's identity in JSON (`init`, `status`).
struct NodeView: Encodable, Sendable {
    var code: String
    var name: String
    var role: Role
    var db: String?
}
