import ArgumentParser
import GongdanCore

// The domain's enums read from the command line by their raw values (`--category complaint`).

extension TicketStatus: ExpressibleByArgument {}
extension TicketCategory: ExpressibleByArgument {}
extension IntakeSource: ExpressibleByArgument {}
extension Role: ExpressibleByArgument {}
extension UnitKind: ExpressibleByArgument {}
extension CorrectableField: ExpressibleByArgument {}

/// `--satisfied | --basic | --unsatisfied | --unreachable`.
extension Satisfaction: EnumerableFlag {
    public static func help(for value: Satisfaction) -> ArgumentHelp? {
        switch value {
        case .satisfied: "满意: the entity is satisfied."
        case .basic: "基本满意: basically satisfied."
        case .unsatisfied: "不满意: unsatisfied (a reasonable demand goes to a second dispatch, then escalation)."
        case .unreachable: "联系不上: the entity could not be reached (recorded as unresolved; the ticket closes)."
        }
    }
}
extension NoticeLevel: ExpressibleByArgument {}
extension InterviewReason: ExpressibleByArgument {}
