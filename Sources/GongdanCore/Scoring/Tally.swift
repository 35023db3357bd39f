/// A count with the tickets that make it up (returns, unreasonable demands, unreachable entities).
public struct Tally: Hashable, Sendable, Codable {
    public var count: Int
    public var tickets: [String]

    public init(_ tickets: [String]) {
        self.count = tickets.count
        self.tickets = tickets
    }

    /// A count, with its tickets when known (`--explain`); an empty list otherwise.
    public init(count: Int, tickets: [String] = []) {
        self.count = count
        self.tickets = tickets
    }
}
