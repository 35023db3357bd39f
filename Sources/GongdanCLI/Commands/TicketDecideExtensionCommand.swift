import ArgumentParser

/// `gongdan ticket decide-extension`: the workstation approves or denies a pending extension (延期审批).
struct TicketDecideExtensionCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide-extension", abstract: "审批延期申请。Approve or deny a pending extension request.",
        discussion: "例 Examples:\n  gongdan ticket decide-extension WS-26-0001 --approve\n  gongdan ticket decide-extension WS-26-0001 --deny --reason \"期限内可以办结\"")

    /// The decision.
    enum Decision: String, EnumerableFlag {
        case approve, deny
    }

    @Argument(help: "The ticket's code.") var code: String
    @Flag(exclusivity: .exclusive, help: "Approve or deny.") var decision: Decision
    @Option(help: "Why (required to deny).") var reason: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if decision == .deny, reason?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            throw ValidationError(global.language.pick("--deny（不批准）须加 --reason 理由：说明为什么不批准延期", "--deny needs --reason TEXT: say why the extension is denied"))
        }
    }

    func run() throws {
        try TicketActionRunner.perform(.decideExtension(approve: decision == .approve, reason: reason), on: code, global: global)
    }
}
