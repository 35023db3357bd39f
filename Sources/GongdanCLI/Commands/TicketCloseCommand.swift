import ArgumentParser

/// `gongdan ticket close`: the office closes an escalated ticket (关闭).
struct TicketCloseCommand: GongdanCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close an escalated ticket (the office).")

    @Argument(help: "The ticket's code.") var code: String
    @Option(help: "Why the office closes it.") var reason: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.close(reason: reason), on: code, global: global)
    }
}
