/// How far a long piece of work has got, for a progress bar: what is being done, how much of it is
/// done, and of how much when that is known (a pull does not know its feed's length in advance).
public struct WorkProgress: Sendable, Hashable {
    /// The stage of the work.
    public enum Stage: String, Sendable, Hashable {
        case push, pull, export, importBundle, backup, restore, recover, csvImport, report
    }

    public var stage: Stage
    public var done: Int64
    public var total: Int64?

    public init(_ stage: Stage, done: Int64, total: Int64? = nil) {
        self.stage = stage
        self.done = done
        self.total = total
    }
}

/// Told of progress from the work's own task; must return quickly.
public typealias ProgressReporter = @Sendable (WorkProgress) -> Void
