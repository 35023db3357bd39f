import ArgumentParser

/// `gongdan ticket progress`: records what was done.
struct TicketProgressCommand: GongdanCommand {
    static let configuration = CommandConfiguration(commandName: "progress", abstract: "记录办理进展。Record progress on a ticket.",
        discussion: "例 Examples:\n  gongdan ticket progress WS-26-0001 --note \"已与施工方协调，本周内拆除围挡\"")

    @Argument(help: "The ticket's code.") var code: String
    @Option(help: "What was done.") var note: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.progress(note: note), on: code, global: global)
    }
}
