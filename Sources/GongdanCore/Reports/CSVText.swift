/// Writes RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled;
/// lines end with CRLF.
///
/// ```swift
/// CSVText.render([["unit", "name"], ["DX", "东兴镇, 港南区"]])   // "unit,name\r\nDX,\"东兴镇, 港南区\"\r\n"
/// ```
public enum CSVText {
    /// The rows as CSV text.
    public static func render(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field, quoted when it must be.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
