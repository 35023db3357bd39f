import ArgumentParser

/// `gongdan hub calendar`: the district's holiday schedules, set at the hub for every node.
struct HubCalendarGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Holiday schedules for the whole district (nodes receive them when they sync).",
        subcommands: [HubCalendarLoadCommand.self, HubCalendarListCommand.self])
}
