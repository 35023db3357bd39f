import ArgumentParser

/// `gongdan ticket release-contact`: the workstation releases a report's (举报) reporter identity and
/// contact to the current lead unit (`docs/privacy.md`).
struct TicketReleaseContactCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "release-contact",
        abstract: "Release a report's reporter identity and contact to its lead unit (the workstation).",
        discussion: """
            A report's (举报) reporter name, credit code, contact person and phone are withheld from every unit. \
            When the lead unit needs them to handle the report, the workstation releases them with a reason; the \
            release is recorded on the ticket and reaches the lead at its next sync.
            Example: gongdan ticket release-contact WS-26-0007 --reason "需当面核实举报线索"
            """)

    @Argument(help: "The ticket's code.") var code: String
    @Option(help: "Why the lead unit needs the reporter's identity and contact.") var reason: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.releaseContact(reason: reason), on: code, global: global)
    }
}
