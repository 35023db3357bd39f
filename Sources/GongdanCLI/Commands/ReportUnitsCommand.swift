import ArgumentParser
import GongdanCore
import GongdanStore
import GongdanText

/// `gongdan report units --period P`: every unit's figures for a month, quarter or year.
struct ReportUnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units", abstract: "Each unit's rates, counts, notices and composite score for a period, with the district's totals.")

    @Option(name: .long, help: ArgumentHelp("The period: a month (2026-10), a quarter (2026-Q4) or a year (2026).", valueName: "period"))
    var period: String

    @Option(name: .long, help: ArgumentHelp("table (default), csv or json.", valueName: "format"))
    var format: ReportFormat = .table

    @Flag(name: .long, help: "List the tickets behind every figure (numerator and denominator).")
    var explain = false

    @OptionGroup var asOfOption: AsOfOption
    @OptionGroup var weightsOption: WeightsOption
    @OptionGroup var options: HubOptions

    func validate() throws {
        if format == .html { throw ValidationError("report units prints table, csv or json; for a printable page use `gongdan report monthly --month YYYY-MM --format html`") }
    }

    func run() throws {
        let context = try options.context()
        let store = try context.openStore()
        let period = try ScoringPeriod(self.period)
        let asOf = try asOfOption.instant(now: context.now)
        let report = try store.scoringReport(period: period, asOf: asOf, weights: try weightsOption.load(), explain: explain)
        let names = try store.units().namesByCode
        let text = ScoringText(language: context.language, names: names)
        if context.json || format == .json {
            try Console.json(ReportJSON.Units(
                period: report.period, judgedAt: report.judgedAt, asOf: asOf, weights: report.weights,
                units: explain ? report.units : report.units.map(ReportJSON.stripped),
                district: explain ? report.district : ReportJSON.stripped(report.district),
                listedNotices: report.listedNotices, unitNames: names, explained: explain))
            return
        }
        if format == .csv {
            Console.raw(CSVText.render(text.csvRows(report.units, district: report.district)))
            return
        }
        let l = context.language
        Console.out(l.pick("\(MonthlyReportDocument.periodTitle(period))各单位办理情况（统计至 \(TimeText.instant(report.judgedAt))）",
                           "Units, \(period) (judged at \(TimeText.instant(report.judgedAt)))"))
        Console.out(text.table(report.units, district: report.district).render())
        if explain {
            for score in report.units + [report.district] {
                Console.out("")
                Console.out(text.explain(score).joined(separator: "\n"))
            }
        }
    }
}
