import Foundation

/// What a 12345 hotline item's fields must be before the hub's intake API (`POST /api/v1/intake`) or the
/// workstation's CSV import (`gongdan ticket import`) takes it in. Pure: the caller passes the clock.
///
/// | field | rule |
/// | --- | --- |
/// | order number | 1–64 ASCII letters, digits, `-` or `_` (`GX12345-20261020-0001`): it is a key, printed and typed |
/// | every text field | no control characters (NUL, ESC, CR …); `detail` alone may hold line breaks (LF, CR LF) and tabs |
/// | received at | not after the clock plus ``TicketRules/hotlineReceiptAllowance`` (5 minutes), not more than ``maxAge`` (30 days) before it |
///
/// Every ticket's intake event is held to looser limits by the rule table (``TicketRules``: control
/// characters but line breaks refused, order numbers of 1–64 printable characters, a receipt up to a
/// year old), which a clerk's `ticket new` meets; these are the stricter ones for what machines send.
///
/// Why 30 days: the hotline forwards an order within the 1-working-day intake limit, so a real item is
/// hours old; 30 days still covers the platform replaying a backlog after an outage over the longest
/// holiday (Spring Festival, 8 days) several times over, while a mistyped year (`1999`, `0011`) — a ticket
/// born overdue that drags the district's intake figure down — is refused. A genuinely older order is
/// entered by a clerk at the workstation (`gongdan ticket new --hotline-received-at`), who answers for it.
public enum HotlineFieldRules {
    /// The longest order number.
    public static let orderNumberMaxLength = 64
    /// The oldest receipt time taken in, before the clock.
    public static let maxAge: TimeInterval = 30 * 86_400

    /// A field that breaks a rule: its name as the caller spells it (`orderNumber`, `order_number`) and
    /// what to do, in Chinese and English.
    public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        public var field: String
        public var chinese: String
        public var english: String

        public init(field: String, chinese: String, english: String) {
            self.field = field
            self.chinese = chinese
            self.english = english
        }

        /// Both languages, Chinese first: the hotline platform's operators read the one they know.
        public var description: String { "\(chinese) \(english)" }
    }

    /// Whether `order` is 1–64 ASCII letters, digits, `-` or `_`.
    public static func isValidOrderNumber(_ order: String) -> Bool {
        let scalars = order.unicodeScalars
        return (1...orderNumberMaxLength).contains(scalars.count)
            && scalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
    }

    /// Refuses an order number not in the documented format.
    public static func checkOrderNumber(_ order: String, field: String) -> Refusal? {
        guard !isValidOrderNumber(order) else { return nil }
        let shown = quoted(order)
        return Refusal(field: field,
                       chinese: "\(field)（工单号）\(shown) 格式不对：须为 1–\(orderNumberMaxLength) 个英文字母、数字、“-”或“_”，例如 GX12345-20261020-0001，请更正后重新发送。",
                       english: "\(field) \(shown) must be 1–\(orderNumberMaxLength) letters, digits, '-' or '_', e.g. GX12345-20261020-0001; correct it and send the item again.")
    }

    /// Refuses text holding a control character; `multiline` text may hold line breaks and tabs.
    public static func checkText(_ text: String?, field: String, multiline: Bool = false) -> Refusal? {
        guard let text, ControlCharacters.contains(in: text, allowing: multiline ? ["\n", "\r", "\t"] : []) else { return nil }
        let (zh, en) = multiline ? ("（换行和制表符除外，如 NUL、ESC）", " other than line breaks and tabs (NUL, ESC …)")
                                 : ("（如换行、回车、NUL、ESC）", " (line breaks, NUL, ESC …)")
        return Refusal(field: field,
                       chinese: "\(field) 含有控制字符\(zh)，请删去后重新发送。",
                       english: "\(field) holds control characters\(en); remove them and send the item again.")
    }

    /// Refuses a receipt time after `now + allowance` or more than ``maxAge`` before `now`.
    public static func checkReceivedAt(_ received: Date, field: String, now: Date,
                                       allowance: TimeInterval = TicketRules.hotlineReceiptAllowance) -> Refusal? {
        let shown = received.formatted(.iso8601)
        if received > now.addingTimeInterval(allowance) {
            let minutes = Int(allowance / 60)
            return Refusal(field: field,
                           chinese: "\(field)（受理时间）\(shown) 晚于当前时间（允许误差 \(minutes) 分钟）：请核对热线平台的时钟和该时间后重新发送。",
                           english: "\(field) \(shown) is in the future, beyond the clocks' allowance of \(minutes) minutes: check the hotline platform's clock and the time, then send the item again.")
        }
        if received < now.addingTimeInterval(-maxAge) {
            let days = Int(maxAge / 86_400)
            return Refusal(field: field,
                           chinese: "\(field)（受理时间）\(shown) 早于 \(days) 天前：请核对年份和日期；确属更早的工单，由区工作站用 gongdan ticket new --hotline-received-at 录入。",
                           english: "\(field) \(shown) is more than \(days) days ago: check the year and date; a genuinely older order is entered at the workstation with `gongdan ticket new --hotline-received-at`.")
        }
        return nil
    }

    /// `text` for a message: control characters escaped, at most 80 characters.
    static func quoted(_ text: String) -> String {
        let escaped = ControlCharacters.escapedForLog(text)
        return "'" + (escaped.count > 80 ? escaped.prefix(80) + "…" : escaped) + "'"
    }
}
