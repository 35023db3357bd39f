/// The entity's verdict on the handling of its matter (评价).
public enum Satisfaction: String, Sendable, Codable, CaseIterable {
    case satisfied
    /// 基本满意.
    case basic
    case unsatisfied
    /// The entity could not be reached (联系不上); recorded, and the ticket closes.
    case unreachable

    /// Counts toward the satisfaction rate's numerator.
    public var isSatisfied: Bool { self == .satisfied || self == .basic }
}

/// How an evaluation was collected.
public enum EvaluationChannel: String, Sendable, Codable, CaseIterable {
    /// The workstation revisited the entity (回访).
    case revisit
    /// The entity evaluated on the public progress page.
    case publicPage
}

/// One evaluation of a ticket's accepted reply.
public struct Evaluation: Hashable, Sendable, Codable {
    public var satisfaction: Satisfaction
    /// Whether the entity says its problem was resolved.
    public var resolved: Bool
    /// Whether the demand was reasonable and lawful (合理合法); an unreasonable one is closed and
    /// kept out of the satisfaction denominator.
    public var reasonable: Bool
    public var channel: EvaluationChannel
    public var note: String?

    public init(satisfaction: Satisfaction, resolved: Bool, reasonable: Bool = true,
                channel: EvaluationChannel = .revisit, note: String? = nil) {
        self.satisfaction = satisfaction
        self.resolved = resolved
        self.reasonable = reasonable
        self.channel = channel
        self.note = note
    }
}
