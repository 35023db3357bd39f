/// Why a district policy setting was refused. Each case says what to do about it, in English
/// (`description`) and in Chinese (``chineseDescription``).
public enum PolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A handling limit, named by its `gongdan hub config` option.
    public enum Field: String, Sendable, Hashable {
        case signingDays = "signing-days"
        case intakeDays = "intake-days"
        case maxExtensionDays = "max-extension-days"

        /// What the limit is, in Chinese.
        public var chinese: String {
            switch self {
            case .signingDays: "签收时限（工作日）"
            case .intakeDays: "12345 转办时限（工作日）"
            case .maxExtensionDays: "单次延期上限（天）"
            }
        }
    }

    /// A limit outside the values the district may set.
    case outOfRange(field: Field, value: Int, allowed: ClosedRange<Int>)

    /// In English (the Chinese is ``chineseDescription``).
    public var description: String {
        switch self {
        case .outOfRange(let field, let value, let allowed):
            "--\(field.rawValue) \(value) is outside \(allowed.lowerBound)...\(allowed.upperBound): nothing was changed; run `gongdan hub config --\(field.rawValue) N` with N in that range"
        }
    }

    /// In Chinese, for the command line's `错误：` lines.
    public var chineseDescription: String {
        switch self {
        case .outOfRange(let field, let value, let allowed):
            "\(field.chinese)不能设为 \(value)（允许 \(allowed.lowerBound)–\(allowed.upperBound)），未作任何更改；请用 gongdan hub config --\(field.rawValue) N 重新设置"
        }
    }
}
