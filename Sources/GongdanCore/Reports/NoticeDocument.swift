import Foundation

/// A supervision notice as a printable HTML page: one A4 sheet (`@page { size: A4 }`), in Chinese,
/// with the document's title, its number, the addressed unit, what was found, the tickets, the date to
/// finish by, and the district office as issuer. Self-contained (inline CSS, no scripts, no fonts to
/// fetch), so it prints the same from a browser on any machine.
///
/// ```swift
/// let html = NoticeDocument(notice: issued, unitName: "东兴镇", district: "港南区").html
/// ```
public struct NoticeDocument: Sendable {
    public var notice: IssuedNotice
    /// The addressed unit's name (its code when unknown).
    public var unitName: String
    /// The district's full name; the issuer is its 营商环境工作小组办公室.
    public var district: String

    public init(notice: IssuedNotice, unitName: String, district: String) {
        self.notice = notice
        self.unitName = unitName
        self.district = district
    }

    /// The issuing office, e.g. `港南区优化营商环境工作小组办公室`.
    public var issuer: String { "\(district)优化营商环境工作小组办公室" }

    /// What the unit must do, by level.
    public var demand: String {
        let date = HTMLText.chineseDate(notice.finishBy)
        switch notice.level {
        case .reminder:
            return "请贵单位高度重视，立即组织办理，于\(date)前办结上述工单并书面反馈办理情况。"
        case .rectification:
            return "现对上述问题挂牌督办，列入月度监测通报。请贵单位认真查找原因、落实整改，于\(date)前将整改情况书面报送工作小组办公室。"
        case .interview:
            return "请贵单位主要负责同志于\(date)前到工作小组办公室接受约谈，并书面说明有关情况及整改措施。"
        }
    }

    /// The whole page.
    public var html: String {
        let e = HTMLText.escape
        let issued = HTMLText.chineseDate(CivilDate.inChinaStandardTime(notice.issuedAt))
        let tickets = notice.tickets.isEmpty
            ? "<p class=\"none\">（不涉及具体工单）</p>"
            : "<ol class=\"tickets\">" + notice.tickets.map { "<li>\(e($0))</li>" }.joined() + "</ol>"
        let reason = notice.interviewReason.map { "<p><b>约谈事由：</b>\(e($0.chineseName))</p>" } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(e(notice.level.documentTitle)) \(e(notice.number.description))</title>
            <style>
            @page { size: A4; margin: 25mm 22mm 22mm 25mm; }
            html { background: #fff; }
            body { font-family: "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "Songti SC", serif; font-size: 16pt;
                   line-height: 1.75; color: #000; max-width: 166mm; margin: 0 auto; }
            h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 22pt; text-align: center;
                 color: #c00; letter-spacing: 0.2em; margin: 0 0 4mm; }
            .number { text-align: center; margin: 0 0 2mm; }
            hr.red { border: 0; border-top: 2px solid #c00; margin: 0 0 8mm; }
            .addressee { margin: 0 0 2mm; }
            p { margin: 0 0 2mm; text-indent: 2em; }
            p.addressee, p.none { text-indent: 0; }
            h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; margin: 4mm 0 1mm;
                 text-indent: 2em; }
            ol.tickets { margin: 0 0 2mm 4em; padding: 0; font-family: monospace; font-size: 13pt; }
            .finish { font-weight: bold; }
            .issuer { text-align: right; margin-top: 14mm; text-indent: 0; }
            .date { text-align: right; text-indent: 0; }
            .meta { margin-top: 12mm; font-size: 10.5pt; color: #444; border-top: 1px solid #999; padding-top: 2mm; text-indent: 0; }
            @media print { .meta { break-inside: avoid; } }
            </style>
            </head>
            <body>
            <h1>\(e(notice.level.documentTitle))</h1>
            <div class="number">\(e(notice.number.description))</div>
            <hr class="red">
            <p class="addressee">\(e(unitName))：</p>
            <p>根据\(e(district))营商环境“有求必应、无事不扰”工作机制，经工作小组办公室核查，现将有关情况通知如下（\(e(notice.level.supervisionName))）。</p>
            <h2>一、发现的问题</h2>
            <p>\(e(notice.findings))</p>
            \(reason)
            <h2>二、涉及工单</h2>
            \(tickets)
            <h2>三、办理要求</h2>
            <p class="finish">\(e(demand))</p>
            <p class="issuer">\(e(issuer))</p>
            <p class="date">\(issued)</p>
            <p class="meta">文号：\(e(notice.number.description))　督办类型：\(e(notice.trigger.chineseName))　限期：\(HTMLText.chineseDate(notice.finishBy))</p>
            </body>
            </html>

            """
    }
}
