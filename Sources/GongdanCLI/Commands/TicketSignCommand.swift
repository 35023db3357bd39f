import ArgumentParser

/// `gongdan ticket sign`: the lead unit signs for a dispatched ticket (签收).
struct TicketSignCommand: GongdanCommand {
    static let configuration = CommandConfiguration(commandName: "sign", abstract: "签收分派给本单位的工单。Sign for a ticket dispatched to this unit.",
        discussion: "例 Examples:\n  gongdan ticket sign WS-26-0001")

    @Argument(help: "The ticket's code.") var code: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.sign, on: code, global: global)
    }
}
