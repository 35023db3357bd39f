import ArgumentParser

/// `gongdan ticket contact`: records a contact with the entity (required before a reply).
struct TicketContactCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "Record a contact with the business entity (needed before a reply).")

    @Argument(help: "The ticket's code.") var code: String
    @Option(help: "How and when the entity was contacted.") var note: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.contact(note: note), on: code, global: global)
    }
}
