/// The configurable limits of the life cycle (`docs/rules.md`, `docs/policy.md`), with the policy's
/// defaults. The hub sets them (`gongdan hub config --signing-days …`); every node gets them by sync.
public struct HandlingPolicy: Hashable, Sendable, Codable {
    /// Working days a unit has to sign for a dispatched ticket (default: end of the next working day).
    public var signingWorkingDays = 1
    /// Working days to turn a hotline item into a ticket.
    public var intakeWorkingDays = 1
    /// Largest extension one request may ask for.
    public var maxExtensionDays = 30

    /// The limits as given; call ``validate()`` before storing them.
    public init(signingWorkingDays: Int = 1, intakeWorkingDays: Int = 1, maxExtensionDays: Int = 30) {
        self.signingWorkingDays = signingWorkingDays
        self.intakeWorkingDays = intakeWorkingDays
        self.maxExtensionDays = maxExtensionDays
    }

    public static let `default` = HandlingPolicy()

    /// The values ``signingWorkingDays`` may take.
    public static let signingRange: ClosedRange<Int> = 1...10
    /// The values ``intakeWorkingDays`` may take.
    public static let intakeRange: ClosedRange<Int> = 1...10
    /// The values ``maxExtensionDays`` may take.
    public static let extensionRange: ClosedRange<Int> = 1...90

    /// Throws ``PolicyError/outOfRange(field:value:allowed:)`` for the first limit outside its range.
    public func validate() throws(PolicyError) {
        try Self.check(.signingDays, signingWorkingDays, Self.signingRange)
        try Self.check(.intakeDays, intakeWorkingDays, Self.intakeRange)
        try Self.check(.maxExtensionDays, maxExtensionDays, Self.extensionRange)
    }

    private static func check(_ field: PolicyError.Field, _ value: Int, _ allowed: ClosedRange<Int>) throws(PolicyError) {
        guard allowed.contains(value) else { throw PolicyError.outOfRange(field: field, value: value, allowed: allowed) }
    }
}
