import ArgumentParser
import Foundation
import GongdanHub
import GongdanText

/// `gongdan hub tls init --dir DIR [--host NAME-OR-IP …]`: a district CA and a server certificate signed by it.
struct HubTLSInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a district CA and the hub's certificate signed by it (ca.pem, ca-key.pem, hub.pem, hub-key.pem, each 0600).",
        discussion: """
            Give every name and address nodes use in the hub's URL with --host (default: 127.0.0.1 and localhost). \\
            Serve with `gongdan hub serve --tls-cert DIR/hub.pem --tls-key DIR/hub-key.pem`; copy ca.pem to each node \\
            and give it to `gongdan init --hub-ca` or `gongdan remote set --hub-ca`. Keep ca-key.pem offline. \\
            Existing files are never overwritten.
            """)

    @Option(help: ArgumentHelp("The folder to write the four files to (made 0700 if missing).", valueName: "dir"))
    var dir: String

    @Option(help: ArgumentHelp("A DNS name or IP address nodes reach the hub by; repeat for each (default: 127.0.0.1 and localhost).", valueName: "name-or-ip"))
    var host: [String] = []

    @Option(help: ArgumentHelp("The district's name in the certificates (default: the hub database's district, if there is one).", valueName: "name"))
    var district: String?

    @OptionGroup var options: HubOptions

    /// `hub tls init --json`.
    struct View: Encodable {
        var caCertificate: String
        var caKey: String
        var hubCertificate: String
        var hubKey: String
        var caFingerprintSHA256: String
        var hosts: [String]
        var hubCertificateExpiresAt: Date
    }

    func run() throws {
        let context = try options.context()
        let name = district
            ?? (FileManager.default.fileExists(atPath: context.dbPath) ? try? context.openStore().requireInfo().district : nil)
            ?? "district"
        // The real clock, not GONGDAN_NOW: TLS checks validity against the real one.
        let made = try DistrictCA.make(district: name, hosts: host, now: Date())
        try made.write(to: dir)
        let paths = DistrictCA.paths(in: dir)
        if context.json {
            try Console.json(View(caCertificate: paths[0], caKey: paths[1], hubCertificate: paths[2], hubKey: paths[3],
                                  caFingerprintSHA256: made.caFingerprint, hosts: made.hosts,
                                  hubCertificateExpiresAt: made.hubNotAfter))
            return
        }
        let l = context.language
        let hosts = made.hosts.joined(separator: ", ")
        let first = made.hosts[0].contains(":") ? "[\(made.hosts[0])]" : made.hosts[0]
        Console.out(l.pick("已生成区级证书颁发机构（CA）和中心证书（\(hosts)）：", "Made a district CA and the hub's certificate (\(hosts)):"))
        Console.out("  \(paths[0])  " + l.pick("CA 证书：复制到每个节点", "the CA certificate: copy it to every node"))
        Console.out("  \(paths[1])  " + l.pick("CA 私钥：只用于签发证书，请离线保存", "the CA's private key: only for signing certificates, keep it offline"))
        Console.out("  \(paths[2])  " + l.pick("中心证书，有效期至 \(TimeText.instant(made.hubNotAfter))",
                                              "the hub's certificate, valid until \(TimeText.instant(made.hubNotAfter))"))
        Console.out("  \(paths[3])  " + l.pick("中心私钥", "the hub's private key"))
        Console.out(l.pick("CA 证书指纹（SHA-256）：", "CA fingerprint (SHA-256): ") + made.caFingerprint)
        Console.out(l.pick("下一步：", "Next:"))
        Console.out("  gongdan hub serve --listen 0.0.0.0:8443 --tls-cert \(paths[2]) --tls-key \(paths[3])")
        Console.out("  " + l.pick("在每个节点（先把 ca.pem 复制过去）：", "on each node (copy ca.pem there first): ")
                    + "gongdan remote set https://\(first):8443 --token TOKEN --hub-ca ca.pem")
        Console.out("  " + l.pick("新节点：", "a new node: ")
                    + "gongdan init --role … --node … --name … --hub https://\(first):8443 --token TOKEN --hub-ca ca.pem")
        Console.out(l.pick("节点可用 openssl x509 -in ca.pem -noout -fingerprint -sha256 核对指纹与上面一致。",
                           "A node can check the fingerprint above with: openssl x509 -in ca.pem -noout -fingerprint -sha256"))
    }
}
