import ArgumentParser

/// `gongdan ticket show`: one ticket with its state, next commands and timeline.
struct TicketShowCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "查看工单：状态、期限、承办单位、下一步和办理经过。Show a ticket: state, deadlines, units, next commands and the timeline.",
        discussion: "例 Examples:\n  gongdan ticket show WS-26-0001")

    @Argument(help: "The ticket's code, e.g. WS-26-0001.")
    var code: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let service = try context.openService()
        let detail = try service.detail(of: code)
        let role = try service.store.requireIdentity().role
        if context.json {
            try Console.json(TicketShowView(ticket: TicketView(detail.state, units: detail.units, now: context.now, role: role,
                                                                        queryCode: detail.queryCode),
                                            events: detail.events))
        } else {
            Console.out(TicketDetailText(language: context.language, now: context.now, role: role).render(detail))
        }
    }
}
