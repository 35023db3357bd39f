import Foundation

/// The limits on the free text an event carries: not empty, not longer than a length a person would
/// write, and no control characters (they would reach other clerks' terminals and pages raw).
public enum TextLimit: Int, Sendable {
    /// A business entity's registered name.
    case name = 200
    /// A person's name or contact line.
    case contact = 100
    /// A ticket's one-line summary.
    case summary = 500
    /// Notes, reasons, results, details.
    case note = 4000

    /// The trimmed text, or a refusal naming the flag and what it should say.
    public func checked(_ value: String, _ flag: String, _ what: String) throws(TicketError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidInput("\(flag) is empty: say \(what)") }
        guard trimmed.count <= rawValue else {
            throw .invalidInput("\(flag) is \(trimmed.count) characters long: keep it to \(rawValue) and put documents elsewhere")
        }
        guard !Self.hasControlCharacters(trimmed) else {
            throw .invalidInput("\(flag) contains control characters: type plain text (line breaks are fine)")
        }
        return trimmed
    }

    /// Checks a text as an event carries it: already trimmed, within the limit, no control characters.
    func check(stored value: String, _ flag: String, _ what: String) throws(TicketError) {
        let trimmed = try checked(value, flag, what)
        guard trimmed == value else { throw .invalidInput("\(flag) has surrounding spaces: an event carries trimmed text") }
    }

    /// Whether the text holds a control character other than a line break or a tab (``ControlCharacters``).
    static func hasControlCharacters(_ text: String) -> Bool {
        ControlCharacters.contains(in: text, allowing: ["\n", "\t", "\r"])
    }
}
