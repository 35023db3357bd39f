import ArgumentParser

/// `gongdan report`: the scoring figures of DESIGN §4, computed at the hub.
struct ReportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Scoring reports at the hub: per-unit figures, the annual ranking, the monthly monitoring report.",
        discussion: "Run on the hub database (--db, default $GONGDAN_HUB_DB). Environment: GONGDAN_NOW (fixed clock).",
        subcommands: [ReportUnitsCommand.self, ReportRankingCommand.self, ReportMonthlyCommand.self])
}
