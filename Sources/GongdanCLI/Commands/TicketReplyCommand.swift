import ArgumentParser

/// `gongdan ticket reply`: the lead unit replies with the result (办结申请).
struct TicketReplyCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply", abstract: "提交办理结果，由工作站审核。Reply with the result, for the workstation's review.",
        discussion: "例 Examples:\n  gongdan ticket reply WS-26-0001 --result \"围挡已拆除，店面恢复通行\" --resolved\n  gongdan ticket reply WS-26-0001 --result \"需市政统一施工，已说明原因\" --unresolved")

    /// Whether the matter was resolved.
    enum Outcome: String, EnumerableFlag {
        case resolved, unresolved
    }

    @Argument(help: "The ticket's code.") var code: String
    @Option(help: "What was done and the outcome.") var result: String
    @Flag(exclusivity: .exclusive, help: "Whether the matter was resolved.") var outcome: Outcome
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.reply(result: result, resolved: outcome == .resolved), on: code, global: global)
    }
}
