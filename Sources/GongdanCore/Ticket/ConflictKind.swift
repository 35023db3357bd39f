/// The kinds of conflict the hub records when concurrent work meets (DESIGN §5).
public enum ConflictKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A unit acted on a ticket the workstation had concurrently re-assigned; the workstation's
    /// assignment stands.
    case assignment
    /// A reply made offline by a unit the ticket was taken from: kept and handed to the new assignee.
    case handedOverReply
    /// Two concurrent corrections of one field: the later hybrid clock wins.
    case concurrentCorrection
    /// Two intakes of what looks like the same matter from the same entity: flagged for merging.
    case duplicateIntake
    /// Two evaluations made without seeing each other (the entity's on the public page and the
    /// workstation's revisit): the first in the fold's order stands, the other is set aside.
    case concurrentEvaluation
}
