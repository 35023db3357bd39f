import Foundation

/// What a node told the hub about itself at a contact: its last local event seq, and when (1.2).
///
/// A push reports it implicitly (the batch's last seq plus `backlog`); a `GET /sync/state` with
/// `?lastSeq=N` explicitly. The hub compares it with what it holds to tell a node whose replica was
/// lost which of its events never arrived.
public struct ReportedContact: Hashable, Sendable, Codable {
    /// The node's last local seq at that contact.
    public var lastSeq: Int64
    public var at: Date

    public init(lastSeq: Int64, at: Date) {
        self.lastSeq = lastSeq
        self.at = at
    }
}
