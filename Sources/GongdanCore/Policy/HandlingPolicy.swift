/// The configurable limits of the life cycle (`docs/rules.md`), with the policy's defaults.
public struct HandlingPolicy: Hashable, Sendable, Codable {
    /// Working days a unit has to sign for a dispatched ticket (default: end of the next working day).
    public var signingWorkingDays = 1
    /// Working days to turn a hotline item into a ticket.
    public var intakeWorkingDays = 1
    /// Largest extension one request may ask for.
    public var maxExtensionDays = 30

    public init() {}

    public static let `default` = HandlingPolicy()
}
