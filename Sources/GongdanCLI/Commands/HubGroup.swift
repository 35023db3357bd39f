import ArgumentParser

/// `gongdan hub`: the district hub — its database, its nodes, its server and its conflict queue.
struct HubGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub", abstract: "Run the district hub: register nodes, serve sync, resolve conflicts, supervise.",
        discussion: "Environment: GONGDAN_HUB_DB (hub database path), GONGDAN_NOW (fixed clock), GONGDAN_USER (who acts).",
        subcommands: [HubInitCommand.self, HubInfoCommand.self, HubNodeGroup.self, HubUnitGroup.self, HubServeCommand.self,
                      HubConflictsGroup.self, HubVerifyCommand.self, HubIntakeTokenCommand.self, HubBundleGroup.self,
                      HubSuperviseCommand.self, HubConfigCommand.self, HubCalendarGroup.self, HubViewerGroup.self, HubBackupCommand.self,
                      HubRestoreCommand.self, HubTLSGroup.self])
}
