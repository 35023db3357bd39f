/// Control characters in text that came from outside — 12345 items, notes, summaries, names, order
/// numbers — kept from doing harm where the text goes: stripped before a terminal (an `ESC [2J` in an
/// intake item would clear the clerk's screen), escaped in log lines (a newline would forge a line), and
/// refused at the hub's intake.
///
/// A control character is one of Unicode's general category Cc (U+0000–U+001F, U+007F, U+0080–U+009F)
/// or U+202E RIGHT-TO-LEFT OVERRIDE, which makes text read backwards. ``TextLimit`` refuses the same
/// characters in an event's text.
///
/// ```swift
/// ControlCharacters.strippedForTerminal("门店\u{1B}[2J施工\n第二行")   // "门店[2J施工\n第二行"
/// ControlCharacters.escapedForLog("DX\nlevel=info forged")           // "DX\\nlevel=info forged"
/// ```
public enum ControlCharacters {
    /// Whether `scalar` is a control character (general category Cc, or U+202E).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x202E
    }

    /// Whether `text` holds a control character other than those in `allowed` (e.g. `["\n", "\t"]` for multi-line text).
    public static func contains(in text: String, allowing allowed: Set<Unicode.Scalar> = []) -> Bool {
        text.unicodeScalars.contains { isControl($0) && !allowed.contains($0) }
    }

    /// `text` for a terminal: every control character removed but the line feed and the tab (a CR LF
    /// becomes LF; a lone CR, which would let later text overwrite the line, is dropped).
    public static func strippedForTerminal(_ text: String) -> String {
        removed(from: text, except: ["\n", "\t"])
    }

    /// `text` without its control characters, but those in `allowed` (CSV written to a terminal keeps its CR LF).
    public static func removed(from text: String, except allowed: Set<Unicode.Scalar>) -> String {
        guard contains(in: text, allowing: allowed) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !isControl($0) || allowed.contains($0) })
        return String(scalars)
    }

    /// `text` for one log line: `\n`, `\r`, `\t` and `\\` written as escapes, every other control
    /// character as `\u{XX}`, so one entry stays one line and reads unambiguously.
    public static func escapedForLog(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) || $0 == "\\" }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\\": result += "\\\\"
            case _ where isControl(scalar): result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
