import ArgumentParser

/// `gongdan ticket extend`: the lead unit asks for more working days (申请延期).
struct TicketExtendCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend", abstract: "向工作站申请延长办结期限。Ask the workstation to extend the handling deadline.",
        discussion: "例 Examples:\n  gongdan ticket extend WS-26-0001 --days 5 --reason \"需等待检测报告\"")

    @Argument(help: "The ticket's code.") var code: String
    @Option(help: "Working days to add.") var days: Int
    @Option(help: "Why more time is needed.") var reason: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.requestExtension(days: days, reason: reason), on: code, global: global)
    }
}
