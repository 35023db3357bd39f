import ArgumentParser

/// `gongdan hub tls`: certificates for serving the hub over HTTPS.
struct HubTLSGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tls", abstract: "Certificates for HTTPS: a district CA and the hub's certificate.",
        subcommands: [HubTLSInitCommand.self])
}
