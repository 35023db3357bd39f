import ArgumentParser

/// `gongdan hub conflicts`: the conflict queue (listing by default) and its resolution.
struct HubConflictsGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "The conflict queue: list (default) and resolve.",
        subcommands: [HubConflictsListCommand.self, HubConflictsResolveCommand.self],
        defaultSubcommand: HubConflictsListCommand.self)
}
