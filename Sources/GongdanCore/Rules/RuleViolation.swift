/// An event, or a command, that breaks a rule of ``TicketRules``: the rule's stable identifier (listed in
/// `docs/rules.md`) and the refusal a person reads, which says what was wrong and what to do.
public struct RuleViolation: Error, Hashable, Sendable, CustomStringConvertible {
    /// The rule's identifier, such as `return.before-handling`.
    public var rule: String
    public var error: TicketError

    public init(_ rule: String, _ error: TicketError) {
        self.rule = rule
        self.error = error
    }

    public var description: String { "\(rule): \(error)" }
}
