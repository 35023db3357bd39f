/// What kind of matter a business entity reports; it sets the handling deadline.
public enum TicketCategory: String, Sendable, Codable, CaseIterable {
    /// 咨询: answered at once when possible, else within 3 working days.
    case consult
    /// 求助: 5 working days.
    case help
    /// 意见建议: 5 working days.
    case suggestion
    /// 投诉: 10 working days.
    case complaint
    /// 举报: 10 working days.
    case report

    /// Working days from dispatch to the handling deadline (DESIGN §2).
    public var handlingWorkingDays: Int {
        switch self {
        case .consult: 3
        case .help, .suggestion: 5
        case .complaint, .report: 10
        }
    }
}

/// Where a report came in.
public enum IntakeSource: String, Sendable, Codable, CaseIterable {
    /// The 12345 regional or city hotline; must become a ticket within 1 working day of its receipt.
    case hotline
    /// 一区通办, the online channel.
    case online
    /// A walk-in at a township's or the workstation's window (一窗受理).
    case window
}
