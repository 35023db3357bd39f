import ArgumentParser

/// `gongdan ticket progress`: records what was done.
struct TicketProgressCommand: GongdanCommand {
    static let configuration = CommandConfiguration(commandName: "progress", abstract: "Record progress on a ticket.")

    @Argument(help: "The ticket's code.") var code: String
    @Option(help: "What was done.") var note: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.progress(note: note), on: code, global: global)
    }
}
