/// Escapes text for HTML element content and attribute values.
public enum HTMLText {
    /// `text` with `& < > " '` escaped.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// `2026年10月16日`.
    public static func chineseDate(_ date: CivilDate) -> String {
        "\(date.year)年\(date.month)月\(date.day)日"
    }
}
