import ArgumentParser

/// `gongdan ticket merge`: merges a duplicate into the ticket it duplicates (合并).
struct TicketMergeCommand: GongdanCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: "Merge a duplicate ticket into another.")

    @Argument(help: "The duplicate's code.") var code: String
    @Option(help: ArgumentHelp("The code of the ticket it duplicates.", valueName: "code")) var into: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.merge(into: into), on: code, global: global)
    }
}
