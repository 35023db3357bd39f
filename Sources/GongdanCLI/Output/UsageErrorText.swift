import Foundation
import GongdanText

/// A usage error of swift-argument-parser in the clerk's language. The parser writes its messages in
/// English and offers no way to translate them, so in Chinese its message is read back: the error line is
/// said in Chinese (the known shapes; any other keeps its words after 错误：), the option's English help
/// line is left out, the usage line is kept under 用法 (flags are the same in both languages), and the last
/// line says where the help with examples is.
enum UsageErrorText {
    /// `message` (the parser's full message) for `language`.
    static func render(_ message: String, language: Language) -> String {
        guard language == .zh else { return message }
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first else { return message }
        lines.removeFirst()
        var out = ["错误：" + chinese(first)]
        var values: [String] = []
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("Help:") { continue }
            if trimmed.hasPrefix("- ") { values.append(String(trimmed.dropFirst(2))); continue }
            if trimmed.hasPrefix("Usage:") { out.append("用法：" + trimmed.dropFirst(6).trimmingCharacters(in: .whitespaces)); continue }
            if let command = match(trimmed, #"^See '(.+) --help' for more information\.$"#)?.first {
                out.append("查看说明和示例：\(command) --help")
                continue
            }
            if !trimmed.isEmpty { out.append(line) }
        }
        if !values.isEmpty { out.insert("  可用的值：" + values.joined(separator: "、"), at: 1) }
        return out.joined(separator: "\n")
    }

    /// The parser's error line in Chinese.
    static func chinese(_ line: String) -> String {
        let text = line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
        if let m = match(text, #"^Missing expected argument '(.+)'$"#) { return "缺少必填的 \(m[0])" }
        if let m = match(text, #"^Missing value for '(.+)'$"#) { return "\(m[0]) 后面缺少取值" }
        if let m = match(text, #"^Unknown option '(.+)'$"#) { return "没有这个选项：\(m[0])" }
        if let m = match(text, #"^Unexpected argument '(.+)'$"#) { return "多余的参数：\(m[0])" }
        if let m = match(text, #"^The value '(.*)' is invalid for '(.+?)'(?:\. Please provide one of the following:|: .*)?$"#) {
            return "「\(m[0])」不是 \(m[1]) 的有效取值"
        }
        if let m = match(text, #"^Value to be set with flag '(.+)' had already been set with flag '(.+)'$"#) {
            return "\(m[0]) 和 \(m[1]) 不能同时使用"
        }
        return text
    }

    private static func match(_ text: String, _ pattern: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let result = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<result.numberOfRanges).compactMap { Range(result.range(at: $0), in: text).map { String(text[$0]) } }
    }
}
