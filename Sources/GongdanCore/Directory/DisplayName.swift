import Foundation

/// Rules for the display names of nodes and units (`东兴镇`, `区市场监管局`).
public enum DisplayName {
    /// Allowed length in characters.
    public static let lengths = 1...100

    /// The name trimmed, or a refusal saying what a name must be.
    public static func validated(_ raw: String) throws(TicketError) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard lengths.contains(name.count) else {
            throw .invalidInput("--name must be 1 to 100 characters (e.g. 东兴镇)")
        }
        return name
    }
}
