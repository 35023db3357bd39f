import ArgumentParser
import Foundation
import GongdanCore

/// `gongdan ticket new`: takes in a report (受理).
struct TicketNewCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "受理新工单，打印工单编号。Take in a new ticket; prints its code (and, on the workstation, the query code for the entity).",
        discussion: "例 Examples:\n  gongdan ticket new --category complaint --source window --entity 港南区好味餐馆 --phone 0775-4331430 --summary \"门店前道路施工影响经营\"\n  gongdan ticket new --category consult --source window --entity 桥圩镇五金店 --summary \"如何办理食品经营许可\" --answer \"可在政务服务网申请，3个工作日办结\"")

    /// Whether a unit keeps a walk-in or forwards it to the workstation.
    enum Handling: String, EnumerableFlag {
        case keep, forward

        static func help(for value: Handling) -> ArgumentHelp? {
            switch value {
            case .keep: "A township or department handles its own walk-in (no dispatch, no signing)."
            case .forward: "Forward to the workstation for dispatch (the default)."
            }
        }
    }

    @Option(help: "What kind of matter; it sets the handling deadline.")
    var category: TicketCategory

    @Option(help: "Where the report came in.")
    var source: IntakeSource

    @Option(help: "The business entity's registered name.")
    var entity: String

    @Option(help: "The 18-character unified social credit code (统一社会信用代码).")
    var creditCode: String?

    @Option(help: "The contact person.")
    var contact: String?

    @Option(help: "The contact's phone number.")
    var phone: String?

    @Option(help: "The matter in one line.")
    var summary: String

    @Option(help: "The full account.")
    var detail: String?

    @Option(help: ArgumentHelp("When 12345 received the call (required for hotline tickets): 2026-10-08T09:00:00+08:00 or \"2026-10-08 09:00\" (CST).",
                               valueName: "time"))
    var hotlineReceivedAt: String?

    @Option(help: ArgumentHelp("The hotline's own order number (a repeated import is refused).", valueName: "no"))
    var hotlineOrder: String?

    @Flag(exclusivity: .exclusive)
    var handling: Handling?

    @Option(help: "A consultation answered at once at intake (closes the handling stage).")
    var answer: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        var received: Date?
        if let text = hotlineReceivedAt {
            guard let instant = TimeInput.instant(text) else { throw CLIError.invalidTime(flag: "--hotline-received-at", text: text) }
            received = instant
        }
        let request = IntakeRequest(
            category: category, source: source,
            entity: BusinessEntity(name: entity, creditCode: creditCode, contact: contact, phone: phone),
            summary: summary, detail: detail, hotlineReceivedAt: received, hotlineOrder: hotlineOrder,
            keep: handling == .keep, immediateAnswer: answer)
        let service = try context.openService()
        let state = try service.createTicket(request)
        let units = try service.unitNames()
        let role = try service.store.requireIdentity().role
        let queryCode = try service.queryCode(for: state.code)
        if context.json {
            let event = try service.store.events(ofTicket: state.code).first
            try Console.json(TicketCreationView(code: state.code, queryCode: queryCode, event: event,
                                                ticket: TicketView(state, units: units, now: context.now, role: role,
                                                                   queryCode: queryCode)))
        } else {
            Console.out(OutcomeText(language: context.language, units: units).created(state, queryCode: queryCode, role: role))
        }
        CalendarWarning.check(try service.calendar(), from: context.now, through: state.deadline ?? state.intake.intakeDeadline,
                              language: context.language)
    }
}
