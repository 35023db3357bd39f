import Foundation
import GongdanCore
import GongdanStore
import GongdanText

/// Notices and candidates as terminal text, and the `--json` shape of a candidate.
struct NoticeText: Sendable {
    let language: Language
    /// Unit code → name.
    let names: [String: String]

    /// A candidate as `gongdan hub supervise --json` prints it.
    struct CandidateJSON: Encodable {
        var key: String
        var level: NoticeLevel
        var unit: String
        var unitName: String?
        var trigger: NoticeTrigger
        var tickets: [String]
        var findings: String
        var finishBy: CivilDate
        var asOf: Date
    }

    func json(_ candidate: NoticeCandidate) -> CandidateJSON {
        CandidateJSON(key: candidate.key.description, level: candidate.level, unit: candidate.unit,
                      unitName: names[candidate.unit], trigger: candidate.trigger, tickets: candidate.tickets,
                      findings: candidate.findings, finishBy: candidate.finishBy, asOf: candidate.asOf)
    }

    func level(_ level: NoticeLevel) -> String {
        Labels(language: language).noticeLevel(level)
    }

    func trigger(_ trigger: NoticeTrigger) -> String {
        language.pick(trigger.chineseName, trigger.rawValue)
    }

    /// Why the notice was issued: the interview's reason, else the trigger.
    func cause(_ notice: StoredNotice) -> String {
        notice.interviewReason.map { language.pick($0.chineseName, $0.rawValue) } ?? trigger(notice.trigger)
    }

    func unit(_ code: String) -> String {
        names[code].map { "\($0)（\(code)）" } ?? code
    }

    /// Several lines for one candidate.
    func lines(_ candidate: NoticeCandidate) -> [String] {
        [
            "[\(level(candidate.level))] \(unit(candidate.unit))  \(trigger(candidate.trigger))  "
                + language.pick("限 \(candidate.finishBy) 前办结", "finish by \(candidate.finishBy)"),
            "  " + candidate.findings,
            language.pick("  工单：", "  tickets: ") + (candidate.tickets.isEmpty ? "—" : candidate.tickets.joined(separator: " ")),
            language.pick("  签发：", "  issue: ") + "gongdan notice issue --candidate '\(candidate.key)'",
        ]
    }

    /// One line for an issued notice.
    func summary(_ notice: StoredNotice) -> String {
        "\(notice.number)  \(notice.id)  \(level(notice.level))  \(unit(notice.unit))  \(cause(notice))"
    }

    /// The notices as a table.
    func table(_ notices: [StoredNotice]) -> TextTable {
        var table = TextTable(headers: language == .zh
            ? ["文号", "编号", "类型", "单位", "事由", "签发", "限期", "工单"]
            : ["number", "id", "level", "unit", "trigger", "issued", "finish by", "tickets"])
        table.rows = notices.map {
            [$0.number.description, $0.id, level($0.level), unit($0.unit), cause($0),
             TimeText.instant($0.issuedAt), $0.finishBy.description, String($0.tickets.count)]
        }
        return table
    }

    /// The whole notice as text.
    func detail(_ notice: StoredNotice) -> [String] {
        let l = language
        var lines = [
            "\(notice.level.documentTitle)  \(notice.number)",
            l.pick("编号：", "id: ") + notice.id,
            l.pick("致：", "to: ") + unit(notice.unit),
            l.pick("督办：", "supervision: ") + "\(notice.level.supervisionName)（\(trigger(notice.trigger))）",
        ]
        if let reason = notice.interviewReason { lines.append(l.pick("约谈事由：", "interview reason: ") + reason.chineseName) }
        lines += [
            l.pick("发现的问题：", "findings: ") + notice.findings,
            l.pick("涉及工单：", "tickets: ") + (notice.tickets.isEmpty ? "—" : notice.tickets.joined(separator: " ")),
            l.pick("限期办结：", "finish by: ") + notice.finishBy.description,
            l.pick("签发：", "issued: ") + "\(TimeText.instant(notice.issuedAt))  \(notice.automatic ? l.pick("自动签发", "automatic") : notice.issuedBy)",
            l.pick("签发单位：", "issuer: ") + NoticeDocument(notice: notice.issued, unitName: "", district: notice.district).issuer,
            l.pick("打印：", "print: ") + "gongdan notice show \(notice.id) --format html > \(notice.id).html",
        ]
        return lines
    }
}
