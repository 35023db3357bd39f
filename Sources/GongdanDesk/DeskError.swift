import GongdanText

/// What the desk refuses before anything reaches the node service: how it was started, and a form
/// filled in wrongly. Each says what to do; nothing was recorded.
public enum DeskError: Error, Hashable, Sendable {
    /// `--listen` names an address other machines reach, and no password was set.
    case passwordRequired(host: String)
    /// `--password-file` holds nothing.
    case emptyPassword
    /// A required field was left blank (`field`: its label, in the desk's language).
    case missing(field: String)
    /// A text is longer than its limit.
    case tooLong(field: String, count: Int, limit: Int)
    /// A number field does not hold a whole number in range.
    case outOfRange(field: String, text: String, range: ClosedRange<Int>)
    /// A choice that is not one of the form's options (a tampered form).
    case unknownChoice(field: String)

    /// The message in `language`.
    public func message(in language: Language) -> String {
        switch self {
        case .passwordRequired(let host):
            language.pick("工作台监听 \(host) 时，其他电脑也能访问：请用 --password-file 文件 设置密码，或改回 --listen 127.0.0.1:8300（只有本机可用）",
                          "listening on \(host) lets other machines reach the desk: set a password with --password-file FILE, or listen on 127.0.0.1:8300 (this PC only)")
        case .emptyPassword:
            language.pick("密码文件是空的：请在文件里写入密码（一行），再启动工作台",
                          "the password file is empty: write the password in it (one line) and start the desk again")
        case .missing(let field):
            language.pick("请填写「\(field)」。", "Fill in \"\(field)\".")
        case .tooLong(let field, let count, let limit):
            language.pick("「\(field)」有 \(count) 个字，最多 \(limit) 个：请精简，附件材料另行保存。",
                          "\"\(field)\" has \(count) characters; keep it to \(limit) and keep documents elsewhere.")
        case .outOfRange(let field, let text, let range):
            language.pick("「\(field)」填的是「\(text)」：请填 \(range.lowerBound) 到 \(range.upperBound) 之间的整数。",
                          "\"\(field)\" is \"\(text)\": give a whole number from \(range.lowerBound) to \(range.upperBound).")
        case .unknownChoice(let field):
            language.pick("「\(field)」的选项无效：请刷新页面后重新选择。", "\"\(field)\" holds no valid choice: reload the page and choose again.")
        }
    }
}
