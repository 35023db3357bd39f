/// The things a person can do to a ticket; each maps to one `gongdan ticket` verb.
public enum TicketAction: String, Sendable, Codable, CaseIterable {
    case create, dispatch, sign, `return`, contact, progress, extend, decideExtension, refer, reply
    case review, evaluate, escalate, close, correct, merge, releaseContact

    /// The `gongdan` command that performs the action on `ticket`.
    public func command(for ticket: String) -> String {
        switch self {
        case .create: "gongdan ticket new …"
        case .dispatch: "gongdan ticket dispatch \(ticket) --to UNIT"
        case .sign: "gongdan ticket sign \(ticket)"
        case .return: "gongdan ticket return \(ticket) --reason TEXT"
        case .contact: "gongdan ticket contact \(ticket) --note TEXT"
        case .progress: "gongdan ticket progress \(ticket) --note TEXT"
        case .extend: "gongdan ticket extend \(ticket) --days N --reason TEXT"
        case .decideExtension: "gongdan ticket decide-extension \(ticket) --approve"
        case .refer: "gongdan ticket refer \(ticket) --note TEXT"
        case .reply: "gongdan ticket reply \(ticket) --result TEXT --resolved"
        case .review: "gongdan ticket review \(ticket) --accept"
        case .evaluate: "gongdan ticket evaluate \(ticket) --satisfied"
        case .escalate: "gongdan ticket escalate \(ticket) --lead UNIT"
        case .close: "gongdan ticket close \(ticket) --reason TEXT"
        case .correct: "gongdan ticket correct \(ticket) --field FIELD --value TEXT"
        case .merge: "gongdan ticket merge \(ticket) --into CODE"
        case .releaseContact: "gongdan ticket release-contact \(ticket) --reason TEXT"
        }
    }
}
