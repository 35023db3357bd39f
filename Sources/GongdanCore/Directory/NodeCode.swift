/// Rules for node and unit codes: they appear in ticket codes that people read out on the phone.
public enum NodeCode {
    /// Allowed length of a code.
    public static let lengths = 2...8

    /// Returns the code in canonical (upper-case) form, or throws saying what is wrong with it.
    public static func validated(_ raw: String) throws(TicketError) -> String {
        let code = raw.uppercased()
        guard lengths.contains(code.count),
              code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) }),
              let first = code.unicodeScalars.first, ("A"..."Z").contains(first)
        else {
            throw .invalidInput(
                "code '\(raw)' is not valid: use 2 to 8 letters A–Z or digits, starting with a letter (e.g. DX or SCJG)"
            )
        }
        return code
    }
}
