import ArgumentParser

/// `gongdan hub unit`: the district's unit directory as the hub keeps it.
struct HubUnitGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit", abstract: "The unit directory at the hub (nodes receive it when they sync).",
        subcommands: [HubUnitAddCommand.self, HubUnitListCommand.self])
}
