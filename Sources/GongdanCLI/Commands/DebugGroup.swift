import ArgumentParser

/// `gongdan debug`: tools for tests; hidden from help.
struct DebugGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug", abstract: "Tools for tests.", shouldDisplay: false,
        subcommands: [DebugChurnCommand.self, DebugDigestCommand.self, DebugRulesCommand.self])
}
