import Foundation

/// Ticket codes: unique district-wide without coordination, short enough to read out on the phone.
///
/// A code is `NODE-YY-NNNN`: the originating node's code (unique in the district), the year of
/// intake in China Standard Time, and that node's own counter for the year (`DX-26-0042`).
/// The query code given to the business entity is six characters from an alphabet without
/// look-alikes (no 0/O, 1/I/L), derived from the ticket code with the district's secret
/// (`QueryCodeSecret` in GongdanSync, protocol 1.4), never drawn by a node nor carried in an event.
public enum TicketCode {
    /// Characters of query codes.
    public static let queryAlphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// The code for a node's `number`-th ticket of `year`.
    public static func make(node: String, year: Int, number: Int) -> String {
        let digits = String(number)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return "\(node)-\(String(format2(year % 100)))-\(padded)"
    }

    /// The canonical form of a code a person typed: upper case, surrounding spaces removed.
    public static func normalized(_ typed: String) -> String {
        typed.trimmingCharacters(in: .whitespaces).uppercased()
    }

    private static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension TicketCode {
    /// Whether `code` is `NODE-YY-NNNN` (four or more digits), with NODE = `node` when given.
    public static func isWellFormed(_ code: String, node: String?) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let prefix = parts.first else { return false }
        if let node, prefix != node { return false }
        let digits = { (part: Substring) in part.allSatisfy { $0.isASCII && $0.isNumber } }
        return (try? NodeCode.validated(String(prefix))) == String(prefix)
            && parts[1].count == 2 && digits(parts[1]) && (4...6).contains(parts[2].count) && digits(parts[2])
    }
}
