import Foundation

/// The monthly monitoring report (月度监测通报) as a printable HTML page (A4 landscape, Chinese):
/// the district's totals, the per-unit table in ranking order, and the rectification notices listed
/// for the month (挂牌督办), besides every notice issued in it.
///
/// ```swift
/// let html = MonthlyReportDocument(report: report, district: "港南区", unitNames: names, notices: issued).html
/// ```
public struct MonthlyReportDocument: Sendable {
    public var report: ScoringReport
    public var district: String
    /// Unit code → name.
    public var unitNames: [String: String]
    /// Every notice issued in the period (the listed ones are also in ``ScoringReport/listedNotices``).
    public var notices: [IssuedNotice]

    public init(report: ScoringReport, district: String, unitNames: [String: String], notices: [IssuedNotice]) {
        self.report = report
        self.district = district
        self.unitNames = unitNames
        self.notices = notices
    }

    /// `2026年10月` for a month, `2026年第四季度` for a quarter, `2026年度` for a year.
    public static func periodTitle(_ period: ScoringPeriod) -> String {
        switch period.kind {
        case .month: "\(period.year)年\(period.index)月"
        case .quarter: "\(period.year)年第\(["一", "二", "三", "四"][period.index - 1])季度"
        case .year: "\(period.year)年度"
        }
    }

    /// `95.2%（20/21）`, or `—` when the rate does not apply.
    static func cell(_ ratio: Ratio) -> String {
        ratio.value == nil ? "—" : "\(ratio.percentText)（\(ratio.numerator)/\(ratio.denominator)）"
    }

    /// The whole page.
    public var html: String {
        let e = HTMLText.escape
        let title = "\(district)营商环境诉求办理\(Self.periodTitle(report.period))监测通报"
        let district = report.district
        let judged = CivilDate.inChinaStandardTime(report.judgedAt.addingTimeInterval(-1))
        let totals = ScoringFigure.rates.map { figure -> String in
            let ratio = figure.ratio(in: district)!
            let target = ratio.target.map { "（目标\(Int(($0 * 100).rounded()))%）" } ?? ""
            let miss = ratio.meetsTarget == false ? " class=\"miss\"" : ""
            return "<tr><th>\(figure.chineseName)\(target)</th><td\(miss)>\(Self.cell(ratio))</td></tr>"
        }.joined() + ScoringFigure.counts.map { figure in
            "<tr><th>\(figure.chineseName)</th><td>\(figure.tally(in: district)!.count)</td></tr>"
        }.joined() + "<tr><th>督办通知</th><td>提醒敦促函 \(district.notices.reminders.count)　整改通知书 \(district.notices.rectifications.count)　约谈通知书 \(district.notices.interviews.count)</td></tr>"
        let header = "<tr><th>排名</th><th>单位</th>" + ScoringFigure.rates.map { "<th>\($0.chineseName)</th>" }.joined()
            + "<th>退回</th><th>督办</th><th>扣分</th><th>综合得分</th></tr>"
        let rows = ScoringEngine.ranking(report).map { entry -> String in
            let score = entry.score
            let name = unitNames[entry.unit].map { "\($0)（\(entry.unit)）" } ?? entry.unit
            let rates = ScoringFigure.rates.map { figure -> String in
                let ratio = figure.ratio(in: score)!
                return "<td\(ratio.meetsTarget == false ? " class=\"miss\"" : "")>\(Self.cell(ratio))</td>"
            }.joined()
            let composite = entry.composite.map { String(format: "%.2f", $0) } ?? "—"
            return "<tr><td>\(entry.position)</td><td class=\"unit\">\(e(name))</td>\(rates)<td>\(score.returns.count)</td>"
                + "<td>\(score.notices.total)</td><td>\(score.deduction == 0 ? "0" : String(format: "%.1f", score.deduction))</td>"
                + "<td><b>\(composite)</b></td></tr>"
        }.joined()
        let listed = report.listedNotices.isEmpty ? "<p>本期无挂牌督办事项。</p>" : "<table class=\"notices\"><tr><th>文号</th><th>单位</th><th>督办事由</th><th>发现的问题</th><th>限期</th></tr>"
            + report.listedNotices.map { notice in
                "<tr><td>\(e(notice.number.description))</td><td>\(e(unitNames[notice.unit] ?? notice.unit))</td><td>\(e(notice.trigger.chineseName))</td><td class=\"text\">\(e(notice.findings))</td><td>\(HTMLText.chineseDate(notice.finishBy))</td></tr>"
            }.joined() + "</table>"
        let others = notices.filter { $0.level != .rectification }.sorted { $0.number < $1.number }
        let otherList = others.isEmpty ? "<p>本期无其他督办通知。</p>" : "<table class=\"notices\"><tr><th>文号</th><th>类型</th><th>单位</th><th>督办事由</th><th>限期</th></tr>"
            + others.map { notice in
                "<tr><td>\(e(notice.number.description))</td><td>\(e(notice.level.documentTitle))</td><td>\(e(unitNames[notice.unit] ?? notice.unit))</td><td>\(e(notice.trigger.chineseName))</td><td>\(HTMLText.chineseDate(notice.finishBy))</td></tr>"
            }.joined() + "</table>"
        let weights = report.weights
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(e(title))</title>
            <style>
            @page { size: A4 landscape; margin: 15mm 12mm; }
            body { font-family: "FangSong", "仿宋", "Noto Serif CJK SC", "Songti SC", serif; font-size: 11pt; color: #000;
                   margin: 0 auto; max-width: 273mm; }
            h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 18pt; text-align: center; margin: 0 0 2mm; }
            .sub { text-align: center; margin: 0 0 5mm; }
            h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 13pt; margin: 5mm 0 2mm; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 3mm; }
            th, td { border: 1px solid #000; padding: 1mm 1.5mm; text-align: center; font-size: 10pt; }
            th { background: #eee; font-weight: bold; }
            table.totals { width: auto; } table.totals th { text-align: left; }
            td.unit, td.text { text-align: left; }
            td.miss { color: #c00; font-weight: bold; }
            tr { break-inside: avoid; }
            thead { display: table-header-group; }
            .note { font-size: 9pt; color: #333; }
            .issuer { text-align: right; margin-top: 8mm; }
            @media print { h2 { break-after: avoid; } }
            </style>
            </head>
            <body>
            <h1>\(e(title))</h1>
            <div class="sub">\(e(self.district))优化营商环境工作小组办公室　统计截至\(HTMLText.chineseDate(judged))</div>
            <h2>一、全区总体情况</h2>
            <table class="totals">\(totals)</table>
            <h2>二、各单位办理情况（按综合得分排名）</h2>
            <table>\(header)\(rows)</table>
            <p class="note">综合得分 = 100 ×（按时办结率×\(weights.onTimeCompletion) + 问题解决率×\(weights.resolution) + 满意率×\(weights.satisfaction)）÷ 权重之和 − 督办扣分（提醒敦促函\(weights.reminderDeduction)分/件，整改通知书\(weights.rectificationDeduction)分/件，约谈通知书\(weights.interviewDeduction)分/件）；无数据的比率不计入。红色为未达目标（满意率95%，评价率100%）。</p>
            <h2>三、挂牌督办事项（整改通知书）</h2>
            \(listed)
            <h2>四、其他督办通知</h2>
            \(otherList)
            <p class="issuer">\(e(self.district))优化营商环境工作小组办公室</p>
            </body>
            </html>

            """
    }
}
