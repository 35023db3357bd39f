import ArgumentParser
import GongdanCore
import GongdanText

// The domain's enums read from the command line by their raw values (`--category complaint`).

/// A status given as its English value (`pendingSign`) or as a clerk reads it (`待签收`).
extension TicketStatus: ExpressibleByArgument {
    public init?(argument: String) {
        let chinese = Labels(language: .zh)
        guard let status = TicketStatus(rawValue: argument) ?? TicketStatus.allCases.first(where: { chinese.status($0) == argument })
        else { return nil }
        self = status
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) + allCases.map { Labels(language: .zh).status($0) } }
}
/// `--lang zh|en`.
extension Language: ExpressibleByArgument {}
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
