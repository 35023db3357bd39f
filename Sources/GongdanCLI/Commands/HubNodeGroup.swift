import ArgumentParser

/// `gongdan hub node`: the nodes registered at the hub.
struct HubNodeGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node", abstract: "Register, list, revoke and rekey the nodes that sync with this hub.",
        subcommands: [HubNodeAddCommand.self, HubNodeListCommand.self, HubNodeRevokeCommand.self, HubNodeRekeyCommand.self])
}
