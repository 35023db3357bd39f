import Foundation

/// The domain's input refusals (``GongdanCore/TicketError/invalidInput(_:)``) in Chinese. The core words
/// them once, in English, naming the flag and what would help; this table says the ones a clerk meets in
/// Chinese with the same flag and the same advice. A refusal not in the table keeps its English words after
/// 输入有误： (none a clerk's command can cause is left so; `InvalidInputTextTests` holds the list).
public enum InvalidInputText {
    /// The Chinese of `message`, or nil when the table has no rendering of it.
    public static func chinese(_ message: String) -> String? {
        for (pattern, render) in table {
            if let groups = match(message, pattern) { return render(groups) }
        }
        return nil
    }

    private static let table: [(String, @Sendable ([String]) -> String)] = [
        (#"^(\S+) is empty: say (.+)$"#, { "\($0[0]) 不能为空：请填写\(what($0[1]))。" }),
        (#"^(\S+) is (\d+) characters long: keep it to (\d+) and put documents elsewhere$"#,
         { "\($0[0]) 有 \($0[1]) 个字，最多 \($0[2]) 个：请精简，附件材料另行保存。" }),
        (#"^(\S+) contains control characters: type plain text \(line breaks are fine\)$"#,
         { "\($0[0]) 含有控制字符：请输入普通文字（可以换行）。" }),
        (#"^(\S+) has surrounding spaces: an event carries trimmed text$"#, { "\($0[0]) 首尾有空格：请去掉后再提交。" }),
        (#"^--days (-?\d+) is out of range: ask for 1 to (\d+) working days$"#,
         { "--days \($0[0]) 超出范围：延期只能申请 1 到 \($0[1]) 个工作日。" }),
        (#"^--into (.+) is not a ticket code \(NODE-YY-NNNN\)$"#, { "--into \($0[0]) 不是工单编号（格式如 WS-26-0012）。" }),
        (#"^--credit-code (.+) must be upper case$"#, { "统一社会信用代码 \($0[0]) 须用大写字母。" }),
        (#"^credit code '(.+)' has (\d+) characters; .+$"#,
         { "统一社会信用代码「\($0[0])」有 \($0[1]) 位，应为 18 位：请对照营业执照核对。" }),
        (#"^credit code '(.+)' contains '(.+)', which no .+$"#,
         { "统一社会信用代码「\($0[0])」含有「\($0[1])」：信用代码不用 I、O、S、V、Z，请对照营业执照核对。" }),
        (#"^credit code '(.+)' fails its check character \(expected '(.+)' last\).*$"#,
         { "统一社会信用代码「\($0[0])」校验位不对（最后一位应为「\($0[1])」）：请对照营业执照核对。" }),
        (#"^--phone '(.*)' is not a phone number: .+$"#,
         { "电话「\($0[0])」不是有效号码：只能用数字、空格、-、+ 或括号（如 0775-4331430）。" }),
        (#"^--hotline-received-at (\S+) is in the future: .+$"#, { "12345 受理时间 \($0[0]) 晚于现在：请核对时间（以及本机时钟）。" }),
        (#"^--hotline-received-at (\S+) is more than a year before the intake: .+$"#,
         { "12345 受理时间 \($0[0]) 比受理早了一年多：请核对年份。" }),
        (#"^--value '(.*)' is not a category: use one of (.+)$"#, { "「\($0[0])」不是类别：可用 \($0[1])。" }),
        (#"^unit (\S+) cannot be both the lead and a co-unit; drop it from --co$"#,
         { "单位 \($0[0]) 不能既是牵头单位又是协办单位：请从 --co（协办单位）中去掉它。" }),
        (#"^a co-unit is named twice in --co; name each unit once$"#, { _ in "协办单位重复了：每个单位只写一次。" }),
        (#"^ticket (\S+) is already assigned to (\S+); to change who leads, name another unit with --to$"#,
         { "工单 \($0[0]) 已分派给 \($0[1])：要换牵头单位，请选另一个单位。" }),
        (#"^a ticket cannot be merged into itself: .+$"#, { _ in "工单不能并入它自己：请填写与它重复的那张工单的编号。" }),
        (#"^a hotline ticket needs --hotline-received-at TIME .+$"#,
         { _ in "12345 工单须填写 12345 的受理时间（--hotline-received-at），用来计算 1 个工作日的受理时限。" }),
        (#"^--hotline-received-at and --hotline-order belong to hotline tickets: .+$"#,
         { _ in "12345 受理时间和工单号只用于 12345 工单：请去掉它们，或把来源改为 12345。" }),
        (#"^only the workstation takes in 12345 hotline tickets; .+$"#,
         { _ in "只有工作站受理 12345 工单；镇街和部门受理窗口来访（--source window）。" }),
        (#"^a consultation answered at once is not kept for handling; drop --keep or --answer$"#,
         { _ in "当场答复的咨询不再转办理：请去掉「本单位自办」或「当场答复」之一。" }),
        (#"^only a consultation can be answered at intake; drop --answer or use --category consult$"#,
         { _ in "只有咨询类可以当场答复：请去掉当场答复，或把类别改为咨询。" }),
        (#"^--keep is for a township or department handling its own walk-in; .+$"#,
         { _ in "「本单位自办」只用于镇街或部门自己受理的来访；工作站请分派工单。" }),
        (#"^hotline order (\S+) was already taken in as ticket (\S+); .+$"#,
         { "12345 工单号 \($0[0]) 已受理为工单 \($0[1])：用 gongdan ticket show \($0[1]) 查看。" }),
        (#"^only the workstation maintains the unit directory; .+$"#,
         { _ in "只有工作站维护单位目录；本节点的单位目录随同步更新。" }),
        (#"^only the workstation imports 12345 hotline exports; .+$"#,
         { _ in "只有工作站导入 12345 的导出文件；分派给本单位的 12345 工单随同步到达。" }),
        (#"^--name must be 1 to 100 characters \(e\.g\. 东兴镇\)$"#, { _ in "--name 须为 1 到 100 个字（如 东兴镇）。" }),
    ]

    /// The core's "what to say" clause in Chinese where it is one of the known ones.
    private static func what(_ english: String) -> String {
        let known: [String: String] = [
            "why the ticket is not this unit's to handle": "退回理由",
            "how and when the entity was contacted": "联系情况（方式、时间、对方意见）",
            "what was done": "办理进展",
            "why more time is needed": "延期理由",
            "what the coordination group should resolve": "需协调的事项",
            "what was done and the outcome": "办理结果",
            "why the extension is denied": "不批准延期的理由",
            "why the reply is not standard": "审核不通过的理由",
            "what the entity said": "经营主体的意见",
            "why the office closes the ticket": "关闭理由",
            "why the lead needs the reporter's identity and contact": "开放举报人信息的理由",
            "the business entity's registered name": "经营主体的登记名称",
            "who to talk to": "联系人",
            "the matter in one line": "诉求（一句话）",
            "the matter in full": "详细情况",
            "the answer given at once": "当场答复的内容",
        ]
        return known[english] ?? english
    }

    private static func match(_ text: String, _ pattern: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              let result = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<result.numberOfRanges).map { Range(result.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
    }
}
