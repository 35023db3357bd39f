/// Why the domain refused a command. Every case says what was wrong and what would help;
/// the CLI renders it in Chinese or English and exits with status 1.
public enum TicketError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A value given was not acceptable; the message says which and what to give instead.
    case invalidInput(String)
    /// The ticket's state does not allow the action; `next` lists the commands that would help.
    case notAllowed(ticket: String, status: TicketStatus, action: TicketAction, next: [String])
    /// The acting role may never perform the action.
    case roleForbidden(role: Role, action: TicketAction)
    /// The acting unit does not hold the ticket.
    case notAssignee(ticket: String, unit: String, lead: String?, action: TicketAction)
    /// No ticket has this code in the replica.
    case unknownTicket(String)
    /// The unit is not in the directory.
    case unknownUnit(String)

    public var description: String {
        switch self {
        case .invalidInput(let message):
            return message
        case .notAllowed(let ticket, let status, let action, let next):
            let help = next.isEmpty ? "nothing more can be done to it" : "next: " + next.joined(separator: " | ")
            return "ticket \(ticket) is \(status.rawValue); '\(action.rawValue)' is not allowed now (\(help))"
        case .roleForbidden(let role, let action):
            return "a \(role.rawValue) node may not '\(action.rawValue)' a ticket; \(Self.whoMay(action))"
        case .notAssignee(let ticket, let unit, let lead, let action):
            let holder = lead.map { "it is assigned to \($0)" } ?? "it is not assigned to any unit"
            return "unit \(unit) cannot '\(action.rawValue)' ticket \(ticket): \(holder); check the code with `gongdan ticket list --unit \(unit)`"
        case .unknownTicket(let code):
            return "no ticket \(code) in this replica; list tickets with `gongdan ticket list` (a ticket dispatched to you arrives on the next `gongdan sync`)"
        case .unknownUnit(let code):
            return "unit \(code) is not in the directory; list units with `gongdan unit list`, or add it on the workstation with `gongdan unit add \(code) --name NAME --kind township|department`"
        }
    }

    static func whoMay(_ action: TicketAction) -> String {
        switch action {
        case .dispatch, .decideExtension, .review, .evaluate, .escalate, .close, .merge:
            "only the workstation may (a handling unit can never evaluate or review its own work)"
        case .sign, .return, .extend, .refer, .reply:
            "only the township or department the ticket is dispatched to may"
        default:
            "ask the workstation"
        }
    }
}
