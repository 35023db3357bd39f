import Foundation

/// Something a person asks to do to an existing ticket; `TicketDecider` turns it into an event
/// payload or refuses it.
public enum TicketCommand: Hashable, Sendable {
    case dispatch(lead: String, co: [String])
    case sign
    case returnTicket(reason: String)
    case contact(note: String)
    case progress(note: String)
    case requestExtension(days: Int, reason: String)
    case decideExtension(approve: Bool, reason: String?)
    case refer(note: String)
    case reply(result: String, resolved: Bool)
    case review(accept: Bool, reason: String?)
    case evaluate(Evaluation)
    case escalate(lead: String, co: [String])
    case close(reason: String)
    case correct(field: CorrectableField, value: String?)
    case merge(into: String)
    /// Releases a report's reporter identity and contact to the current lead unit.
    case releaseContact(reason: String)

    public var action: TicketAction {
        switch self {
        case .dispatch: .dispatch
        case .sign: .sign
        case .returnTicket: .return
        case .contact: .contact
        case .progress: .progress
        case .requestExtension: .extend
        case .decideExtension: .decideExtension
        case .refer: .refer
        case .reply: .reply
        case .review: .review
        case .evaluate: .evaluate
        case .escalate: .escalate
        case .close: .close
        case .correct: .correct
        case .merge: .merge
        case .releaseContact: .releaseContact
        }
    }
}

/// A report to be taken in as a new ticket.
public struct IntakeRequest: Hashable, Sendable {
    public var category: TicketCategory
    public var source: IntakeSource
    public var entity: BusinessEntity
    public var summary: String
    public var detail: String?
    public var hotlineReceivedAt: Date?
    public var hotlineOrder: String?
    /// A unit keeps a walk-in ticket to handle itself instead of forwarding it to the workstation.
    public var keep: Bool
    /// A consultation answered at once at intake.
    public var immediateAnswer: String?

    public init(category: TicketCategory, source: IntakeSource, entity: BusinessEntity, summary: String,
                detail: String? = nil, hotlineReceivedAt: Date? = nil, hotlineOrder: String? = nil,
                keep: Bool = false, immediateAnswer: String? = nil) {
        self.category = category
        self.source = source
        self.entity = entity
        self.summary = summary
        self.detail = detail
        self.hotlineReceivedAt = hotlineReceivedAt
        self.hotlineOrder = hotlineOrder
        self.keep = keep
        self.immediateAnswer = immediateAnswer
    }
}
