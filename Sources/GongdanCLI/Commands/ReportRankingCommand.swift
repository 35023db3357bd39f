import ArgumentParser
import GongdanCore
import GongdanStore
import GongdanText

/// `gongdan report ranking --year Y`: the annual ranking of units by composite score.
struct ReportRankingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ranking", abstract: "The annual ranking (每年通报排名) of units by composite score, best first.")

    @Option(name: .long, help: ArgumentHelp("The year, e.g. 2026.", valueName: "year"))
    var year: Int

    @Option(name: .long, help: ArgumentHelp("table (default), csv or json.", valueName: "format"))
    var format: ReportFormat = .table

    @Flag(name: .long, help: "List the tickets behind every figure of every unit.")
    var explain = false

    @OptionGroup var asOfOption: AsOfOption
    @OptionGroup var weightsOption: WeightsOption
    @OptionGroup var options: HubOptions

    func validate() throws {
        if format == .html { throw ValidationError("report ranking prints table, csv or json") }
    }

    func run() throws {
        let context = try options.context()
        let store = try context.openStore()
        let period = try ScoringPeriod.year(year)
        let asOf = try asOfOption.instant(now: context.now)
        let report = try store.scoringReport(period: period, asOf: asOf, weights: try weightsOption.load(), explain: explain)
        let ranking = ScoringEngine.ranking(report)
        let names = try store.units().namesByCode
        let text = ScoringText(language: context.language, names: names)
        if context.json || format == .json {
            try Console.json(ReportJSON.Ranking(year: year, judgedAt: report.judgedAt, asOf: asOf, weights: report.weights,
                                                ranking: ReportJSON.ranked(ranking, names: names, explain: explain),
                                                explained: explain))
            return
        }
        let positions = ranking.map(\.position)
        if format == .csv {
            Console.raw(CSVText.render(text.csvRows(ranking.map(\.score), district: nil, positions: positions)))
            return
        }
        let l = context.language
        Console.out(l.pick("\(year)年度单位排名（统计至 \(TimeText.instant(report.judgedAt))）",
                           "Ranking \(year) (judged at \(TimeText.instant(report.judgedAt)))"))
        Console.out(text.table(ranking.map(\.score), district: nil, positions: positions).render())
        if explain {
            for entry in ranking {
                Console.out("")
                Console.out(text.explain(entry.score).joined(separator: "\n"))
            }
        }
    }
}
