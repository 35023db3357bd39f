import Foundation

/// What a node re-initialised from the hub (`gongdan init --recover`) is told about the events of
/// its lost replica: the hub holds its events 1…`hubHas`; at its last contact the lost replica said
/// its last seq was `lastContact.lastSeq`; so events `hubHas+1 … lastContact.lastSeq`, if any, were
/// made on the lost replica and never reached the hub. Events made after that contact are unknown.
public struct RecoveryReport: Hashable, Sendable, Codable {
    public var node: String
    /// The highest contiguous seq of the node's events the hub holds.
    public var hubHas: Int64
    /// What the lost replica reported at its last contact, if it ever did.
    public var lastContact: ReportedContact?
    /// The first and last seq known never to have reached the hub; nil when none is known.
    public var lostFrom: Int64?
    public var lostTo: Int64?
    public var recoveredAt: Date

    public init(node: String, hubHas: Int64, lastContact: ReportedContact?, recoveredAt: Date) {
        self.node = node
        self.hubHas = hubHas
        self.lastContact = lastContact
        self.recoveredAt = recoveredAt
        if let reported = lastContact?.lastSeq, reported > hubHas {
            lostFrom = hubHas + 1
            lostTo = reported
        }
    }

    /// How many events are known to be lost.
    public var lostCount: Int64 {
        guard let lostFrom, let lostTo else { return 0 }
        return lostTo - lostFrom + 1
    }
}
