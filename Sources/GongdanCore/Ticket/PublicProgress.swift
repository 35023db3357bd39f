import Foundation

/// What the business entity sees of its ticket on the hub's public progress page and in the public
/// JSON API: where the matter stands in plain words, the deadline, the handling **unit** (never a
/// person), and whether it may evaluate now.
///
/// It deliberately carries no free text anyone wrote (notes, reasons, reply texts, summaries), no
/// contact or phone, no staff names and no other ticket's code: only what the fold says, in fixed
/// words. ``init(state:events:unitNames:)`` builds it; the hub never adds to it.
///
/// ```swift
/// let progress = PublicProgress(state: state, events: events, unitNames: ["DX": "东兴镇"])
/// progress.timeline.map(\.text)    // ["已受理（12345热线）", "已分派至东兴镇办理，办理期限至2026年10月16日", …]
/// ```
public struct PublicProgress: Hashable, Sendable, Codable {
    /// One step of the timeline.
    public struct Step: Hashable, Sendable, Codable {
        public var at: Date
        /// What happened, in plain Chinese, e.g. `东兴镇已签收，正在办理`.
        public var text: String

        public init(at: Date, text: String) {
            self.at = at
            self.text = text
        }
    }

    /// The entity's evaluation as the page shows it back.
    public struct EvaluationSummary: Hashable, Sendable, Codable {
        public var satisfaction: Satisfaction
        public var resolved: Bool
        public var at: Date
        /// `满意，问题已解决`.
        public var text: String
    }

    /// The ticket code, e.g. `WS-26-0001`.
    public var ticket: String
    public var category: TicketCategory
    /// The category's Chinese name, e.g. `投诉`.
    public var categoryName: String
    public var status: TicketStatus
    /// The status in plain words, e.g. `办理中`.
    public var statusText: String
    /// The name of the unit handling the matter now (or last), e.g. `东兴镇`; nil before dispatch.
    public var handlingUnit: String?
    /// End of the handling deadline (24:00 China Standard Time of its last day), while one runs.
    public var deadline: Date?
    /// The deadline's last day in words, e.g. `2026年10月16日`.
    public var deadlineText: String?
    /// Whether the entity may evaluate now on the page (the reply was accepted and awaits its
    /// evaluation, and the ticket is not ``revisitOnly``).
    public var canEvaluate: Bool
    /// Whether the ticket was taken in at a township's or department's window: the unit spoke with
    /// the entity, so the page never takes its evaluation; the workstation's revisit (回访) records
    /// it (`docs/evaluation.md`).
    public var revisitOnly: Bool
    /// The latest evaluation, if any.
    public var evaluation: EvaluationSummary?
    /// An evaluation made on this page was set aside: the workstation's revisit recorded one first,
    /// without either seeing the other; ``evaluation`` is the one that stands.
    public var pageEvaluationSetAside: Bool
    /// What happened, oldest first.
    public var timeline: [Step]

    public init(ticket: String, category: TicketCategory, categoryName: String, status: TicketStatus,
                statusText: String, handlingUnit: String?, deadline: Date?, deadlineText: String?,
                canEvaluate: Bool, revisitOnly: Bool = false, evaluation: EvaluationSummary?,
                pageEvaluationSetAside: Bool = false, timeline: [Step]) {
        self.ticket = ticket
        self.category = category
        self.categoryName = categoryName
        self.status = status
        self.statusText = statusText
        self.handlingUnit = handlingUnit
        self.deadline = deadline
        self.deadlineText = deadlineText
        self.canEvaluate = canEvaluate
        self.revisitOnly = revisitOnly
        self.evaluation = evaluation
        self.pageEvaluationSetAside = pageEvaluationSetAside
        self.timeline = timeline
    }
}
