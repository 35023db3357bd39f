import GongdanCore

/// Runs a life-cycle command on a ticket for any of the mutating `ticket` verbs, and prints the outcome:
/// one line (or the event and ticket as JSON), plus the calendar warning when a new deadline reaches
/// into a year without a holiday schedule.
enum TicketActionRunner {
    static func perform(_ command: TicketCommand, on code: String, global: GlobalOptions) throws {
        let context = try global.context()
        let service = try context.openService()
        let (event, state) = try service.perform(command, on: code)
        let units = try service.unitNames()
        if context.json {
            let role = try service.store.requireIdentity().role
            let view = TicketView(state, units: units, now: context.now, role: role, queryCode: try service.queryCode(for: state.code))
            try Console.json(TicketMutationView(event: event, ticket: view))
        } else {
            Console.out(OutcomeText(language: context.language, units: units).line(event, state))
        }
        switch event.payload {
        case .dispatched, .escalated, .extensionDecided(approved: true, _, _):
            CalendarWarning.check(try service.calendar(), from: context.now, through: state.deadline, language: context.language)
        default:
            break
        }
    }
}
