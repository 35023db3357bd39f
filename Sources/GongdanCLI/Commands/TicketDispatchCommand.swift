import ArgumentParser
import GongdanCore

/// `gongdan ticket dispatch`: the workstation assigns a lead unit and co-units (分办).
struct TicketDispatchCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch", abstract: "把工单分派给牵头单位（及协办单位），也用于改派。Dispatch a ticket to a lead unit (and co-units); also re-dispatches.",
        discussion: "例 Examples:\n  gongdan ticket dispatch WS-26-0001 --to DX\n  gongdan ticket dispatch WS-26-0001 --to DX --co SCJG")

    @Argument(help: "The ticket's code.") var code: String
    @Option(help: ArgumentHelp("The lead unit's code.", valueName: "unit")) var to: String
    @Option(help: ArgumentHelp("A co-unit's code (repeatable).", valueName: "unit")) var co: [String] = []
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.dispatch(lead: TicketCode.normalized(to), co: co.map(TicketCode.normalized)),
                                       on: code, global: global)
    }
}
