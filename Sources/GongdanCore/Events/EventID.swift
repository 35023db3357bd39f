/// The identity of an event: the node that originated it and that node's sequence number
/// (1, 2, 3 … without gaps across all of the node's tickets).
public struct EventID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let origin: String
    public let seq: Int64

    public init(origin: String, seq: Int64) {
        self.origin = origin
        self.seq = seq
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.origin, lhs.seq) < (rhs.origin, rhs.seq)
    }

    public var description: String { "\(origin)#\(seq)" }
}
