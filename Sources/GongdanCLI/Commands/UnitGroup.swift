import ArgumentParser

/// `gongdan unit`: the directory of handling units.
struct UnitGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit", abstract: "The directory of handling units (townships and departments).",
        subcommands: [UnitAddCommand.self, UnitListCommand.self])
}
