import ArgumentParser

/// `gongdan notice`: the supervision notices issued at the hub.
struct NoticeGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", abstract: "Supervision notices at the hub: list, show (text or printable HTML), issue.",
        discussion: "Run on the hub database (--db, default $GONGDAN_HUB_DB). Environment: GONGDAN_NOW, GONGDAN_USER.",
        subcommands: [NoticeListCommand.self, NoticeShowCommand.self, NoticeIssueCommand.self])
}
