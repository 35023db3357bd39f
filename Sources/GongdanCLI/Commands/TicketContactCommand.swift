import ArgumentParser

/// `gongdan ticket contact`: records a contact with the entity (required before a reply).
struct TicketContactCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "记录与经营主体的联系（回复前必须先记录）。Record a contact with the business entity (needed before a reply).",
        discussion: "例 Examples:\n  gongdan ticket contact WS-26-0001 --note \"10月9日电话联系黄老板，约定现场查看\"")

    @Argument(help: "The ticket's code.") var code: String
    @Option(help: "How and when the entity was contacted.") var note: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.contact(note: note), on: code, global: global)
    }
}
