import Foundation

/// A new ticket as taken in (受理).
public struct Intake: Hashable, Sendable, Codable {
    /// The ticket's code, unique district-wide: `NODE-YY-NNNN`.
    public var code: String
    /// A legacy query code, carried only by `created` events made before protocol 1.4.
    ///
    /// From 1.4 on a created event carries none: the code the business entity uses with the
    /// ticket code on the public progress page is derived from the ticket code and a district
    /// secret that only the hub and the workstation hold (`QueryCodeSecret` in GongdanSync), so
    /// no unit's replica holds it or anything it can be computed from. The hub still accepts a
    /// legacy code for the ticket it was issued with (`docs/evaluation.md`).
    public var queryCode: String?
    public var category: TicketCategory
    public var source: IntakeSource
    public var entity: BusinessEntity
    public var summary: String
    public var detail: String?
    /// When the 12345 hotline received the call (hotline tickets).
    public var hotlineReceivedAt: Date?
    /// The hotline's own order number, the key for idempotent imports.
    public var hotlineOrder: String?
    /// End of the 1-working-day intake limit, counted from `hotlineReceivedAt`.
    public var intakeDeadline: Date?
    /// The unit that keeps a walk-in ticket to handle itself; nil when it goes to the workstation.
    public var keptBy: String?
    /// The handling deadline when the ticket is kept (counted from intake).
    public var keptDeadline: Date?
    /// A consultation answered at once at intake; the handling stage is then over.
    public var immediateAnswer: String?

    public init(code: String, queryCode: String? = nil, category: TicketCategory, source: IntakeSource,
                entity: BusinessEntity, summary: String, detail: String? = nil,
                hotlineReceivedAt: Date? = nil, hotlineOrder: String? = nil, intakeDeadline: Date? = nil,
                keptBy: String? = nil, keptDeadline: Date? = nil, immediateAnswer: String? = nil) {
        self.code = code
        self.queryCode = queryCode
        self.category = category
        self.source = source
        self.entity = entity
        self.summary = summary
        self.detail = detail
        self.hotlineReceivedAt = hotlineReceivedAt
        self.hotlineOrder = hotlineOrder
        self.intakeDeadline = intakeDeadline
        self.keptBy = keptBy
        self.keptDeadline = keptDeadline
        self.immediateAnswer = immediateAnswer
    }
}

/// Who handles a ticket and by when: set by a dispatch or an escalation.
public struct Assignment: Hashable, Sendable, Codable {
    /// The lead unit (牵头承办单位).
    public var lead: String
    /// Co-units (协办单位).
    public var co: [String]
    /// End of the signing limit.
    public var signBy: Date
    /// End of the handling deadline.
    public var deadline: Date

    public init(lead: String, co: [String] = [], signBy: Date, deadline: Date) {
        self.lead = lead
        self.co = co
        self.signBy = signBy
        self.deadline = deadline
    }
}

/// A ticket field that the workstation may correct after intake.
public enum CorrectableField: String, Sendable, Codable, CaseIterable {
    case entityName, creditCode, contact, phone, summary, detail, category
}

/// What happened: one immutable fact in a ticket's history.
///
/// On the wire and in the store each payload is a JSON object whose `type` names the case;
/// the other keys are the case's fields (see `sync-protocol/`).
public enum TicketEventPayload: Hashable, Sendable {
    case created(Intake)
    case dispatched(Assignment)
    case signed
    case returned(reason: String)
    case contacted(note: String)
    case progressNoted(note: String)
    case extensionRequested(days: Int, reason: String)
    case extensionDecided(approved: Bool, reason: String?, deadline: Date?)
    case referred(note: String)
    case replied(result: String, resolved: Bool)
    case reviewed(accepted: Bool, reason: String?)
    case evaluated(Evaluation)
    case escalated(Assignment)
    case closed(reason: String)
    case corrected(field: CorrectableField, value: String?)
    case merged(into: String)
    /// The workstation releases a report's (举报) reporter identity and contact to the lead unit
    /// (protocol 1.5, `docs/privacy.md`).
    case contactReleased(to: String, reason: String)

    /// The stable name of the case, the `type` key on the wire.
    public var type: String {
        switch self {
        case .created: "created"
        case .dispatched: "dispatched"
        case .signed: "signed"
        case .returned: "returned"
        case .contacted: "contacted"
        case .progressNoted: "progressNoted"
        case .extensionRequested: "extensionRequested"
        case .extensionDecided: "extensionDecided"
        case .referred: "referred"
        case .replied: "replied"
        case .reviewed: "reviewed"
        case .evaluated: "evaluated"
        case .escalated: "escalated"
        case .closed: "closed"
        case .corrected: "corrected"
        case .merged: "merged"
        case .contactReleased: "contactReleased"
        }
    }
}
