import Foundation

/// The district's consolidated status at an instant, counted from the hub's `tickets` projection
/// (each count one index range; no event is read).
public struct DashboardStatus: Hashable, Sendable, Codable {
    /// When the counts were taken.
    public var at: Date
    /// Not closed and not merged.
    public var open: Int
    /// Waiting for the workstation's dispatch (new, returned, second dispatch).
    public var pendingDispatch: Int
    /// Dispatched and not yet signed.
    public var unsigned: Int
    /// Of those, past their signing limit.
    public var unsignedPastLimit: Int
    /// Being handled.
    public var handling: Int
    /// Open and past the handling deadline without a reply.
    public var overdue: Int
    /// Replied, waiting for the workstation's review.
    public var pendingReview: Int
    /// Reply accepted, waiting for the entity's evaluation.
    public var pendingEvaluation: Int
    /// Unsatisfied again, waiting for the office to escalate.
    public var pendingEscalation: Int

    public init(at: Date, open: Int, pendingDispatch: Int, unsigned: Int, unsignedPastLimit: Int, handling: Int,
                overdue: Int, pendingReview: Int, pendingEvaluation: Int, pendingEscalation: Int) {
        self.at = at
        self.open = open
        self.pendingDispatch = pendingDispatch
        self.unsigned = unsigned
        self.unsignedPastLimit = unsignedPastLimit
        self.handling = handling
        self.overdue = overdue
        self.pendingReview = pendingReview
        self.pendingEvaluation = pendingEvaluation
        self.pendingEscalation = pendingEscalation
    }
}
