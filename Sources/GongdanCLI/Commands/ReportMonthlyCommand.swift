import ArgumentParser
import Foundation
import GongdanCore
import GongdanStore

/// `gongdan report monthly --month YYYY-MM`: the monthly monitoring report (月度监测通报).
struct ReportMonthlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monthly",
        abstract: "The monthly monitoring report: district totals, the per-unit table in ranking order, the listed rectification notices.")

    @Option(name: .long, help: ArgumentHelp("The month, e.g. 2026-10.", valueName: "month"))
    var month: String

    @Option(name: .long, help: ArgumentHelp("html (a printable A4 page, default), csv or json.", valueName: "format"))
    var format: ReportFormat = .html

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var asOfOption: AsOfOption
    @OptionGroup var weightsOption: WeightsOption
    @OptionGroup var options: HubOptions

    func validate() throws {
        if format == .table { throw ValidationError("report monthly prints html, csv or json; for a terminal table use `gongdan report units --period YYYY-MM`") }
    }

    func run() throws {
        let context = try options.context()
        let store = try context.openStore()
        let period = try ScoringPeriod(month)
        guard period.kind == .month else {
            throw ScoringError.invalidPeriod(month, problem: "the monthly report needs a month such as 2026-10")
        }
        let asOf = try asOfOption.instant(now: context.now)
        let info = try store.requireInfo()
        let report = try store.scoringReport(period: period, asOf: asOf, weights: try weightsOption.load(), explain: false)
        let ranking = ScoringEngine.ranking(report)
        let names = try store.units().namesByCode
        let notices = try store.noticeList().filter { $0.issuedAt >= period.start && $0.issuedAt < report.judgedAt }
        let document: String
        if context.json || format == .json {
            let encoder = GongdanJSON.encoder()
            encoder.outputFormatting.insert(.prettyPrinted)
            let monthly = ReportJSON.Monthly(
                period: period, district: info.district, judgedAt: report.judgedAt, asOf: asOf, weights: report.weights,
                totals: ReportJSON.stripped(report.district),
                ranking: ReportJSON.ranked(ranking, names: names, explain: false),
                listedNotices: notices.filter { $0.level == .rectification }, notices: notices)
            document = String(decoding: try encoder.encode(monthly), as: UTF8.self) + "\n"
        } else if format == .csv {
            let text = ScoringText(language: context.language, names: names)
            document = CSVText.render(text.csvRows(ranking.map(\.score), district: report.district, positions: ranking.map(\.position)))
        } else {
            document = MonthlyReportDocument(report: report, district: info.district, unitNames: names,
                                             notices: notices.map(\.issued)).html
        }
        guard let output else {
            Console.raw(document)
            return
        }
        do {
            try Data(document.utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            throw CLIError.unwritableFile(path: output, reason: (error as NSError).localizedDescription)
        }
        Console.error(context.language.pick("已写入 \(output)", "written to \(output)"))
    }
}
