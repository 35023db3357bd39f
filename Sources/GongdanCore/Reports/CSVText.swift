/// Writes RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled;
/// lines end with CRLF. The one home of the CSV rules: every CSV gongdan writes (`gongdan report …
/// --format csv`, the dashboard's exports) goes through ``field(_:)``.
///
/// A cell a spreadsheet would run as a formula — its first character `=`, `+`, `-`, `@`, a tab or a CR,
/// and the cell not a number — gets a leading `'` (OWASP's CSV injection advice), so a unit or entity
/// name such as `=HYPERLINK(…)` shows as text in Excel or WPS instead of running. Numbers, negative ones
/// included, stay numbers.
///
/// ```swift
/// CSVText.render([["unit", "name"], ["DX", "东兴镇, 港南区"]])   // "unit,name\r\nDX,\"东兴镇, 港南区\"\r\n"
/// CSVText.field("=1+2")                                            // "'=1+2"
/// CSVText.field("-0.25")                                           // "-0.25"
/// ```
public enum CSVText {
    /// The rows as CSV text.
    public static func render(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field: formula cells neutralised (``neutralized(_:)``), quoted when it must be.
    public static func field(_ value: String) -> String {
        let text = neutralized(value)
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `text` with a leading `'` when a spreadsheet would run it as a formula, else unchanged.
    public static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil else { return text }
        return "'" + text
    }
}
