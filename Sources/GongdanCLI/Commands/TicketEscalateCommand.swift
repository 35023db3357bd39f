import ArgumentParser
import GongdanCore

/// `gongdan ticket escalate`: the office escalates with a designated lead (提级办理).
struct TicketEscalateCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate", abstract: "Escalate a ticket as difficult and complex, with a designated lead unit.")

    @Argument(help: "The ticket's code.") var code: String
    @Option(help: ArgumentHelp("The designated lead unit's code.", valueName: "unit")) var lead: String
    @Option(help: ArgumentHelp("A co-unit's code (repeatable).", valueName: "unit")) var co: [String] = []
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.escalate(lead: TicketCode.normalized(lead), co: co.map(TicketCode.normalized)),
                                       on: code, global: global)
    }
}
