import ArgumentParser

/// `gongdan ticket refer`: the lead unit refers a stuck matter to the coordination group (提请协调).
struct TicketReferCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "refer", abstract: "Refer a stuck multi-unit matter to the coordination group.")

    @Argument(help: "The ticket's code.") var code: String
    @Option(help: "What the coordination group should resolve.") var note: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.refer(note: note), on: code, global: global)
    }
}
