import ArgumentParser

/// `gongdan hub viewer`: the people who may log in to the hub's web dashboard.
struct HubViewerGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "viewer", abstract: "Give district viewers (leaders, the supervision group) a dashboard login.",
        subcommands: [HubViewerAddCommand.self, HubViewerListCommand.self])
}
