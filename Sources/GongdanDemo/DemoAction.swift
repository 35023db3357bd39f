/// What happened in the demo's month, counted by kind for its report.
public enum DemoAction: String, Hashable, Sendable, Codable, CaseIterable {
    /// A 12345 item posted to the hub's intake API.
    case hotlineAPI
    /// A row of a 12345 export imported on the workstation.
    case hotlineCSV
    /// A walk-in at a township window, forwarded to the workstation.
    case walkIn
    /// A walk-in the township kept to handle itself.
    case walkInKept
    case dispatch
    /// A second dispatch after an unsatisfied evaluation.
    case secondDispatch
    /// The workstation took a ticket from a unit it could not reach.
    case redispatch
    case escalate
    case sign
    case giveBack
    case contact
    case requestExtension
    case approveExtension
    case denyExtension
    case reply
    case acceptReply
    case rejectReply
    case evaluate
    case unsatisfied
    case sync
    case notice
}
