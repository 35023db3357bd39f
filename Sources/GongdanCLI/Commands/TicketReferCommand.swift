import ArgumentParser

/// `gongdan ticket refer`: the lead unit refers a stuck matter to the coordination group (提请协调).
struct TicketReferCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "refer", abstract: "涉及多个单位、难以协调时提请专责组协调。Refer a stuck multi-unit matter to the coordination group.",
        discussion: "例 Examples:\n  gongdan ticket refer WS-26-0001 --note \"涉及住建、交通两个部门，需统一协调\"")

    @Argument(help: "The ticket's code.") var code: String
    @Option(help: "What the coordination group should resolve.") var note: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.refer(note: note), on: code, global: global)
    }
}
