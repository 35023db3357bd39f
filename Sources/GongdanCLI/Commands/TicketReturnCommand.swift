import ArgumentParser

/// `gongdan ticket return`: the lead unit returns a ticket that is not its to handle (退回).
struct TicketReturnCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "return", abstract: "不属于本单位职责时退回工作站。Return a ticket to the workstation (not this unit's jurisdiction).",
        discussion: "例 Examples:\n  gongdan ticket return WS-26-0001 --reason \"道路施工属区住建局职责\"")

    @Argument(help: "The ticket's code.") var code: String
    @Option(help: "Why the ticket is not this unit's to handle.") var reason: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.returnTicket(reason: reason), on: code, global: global)
    }
}
