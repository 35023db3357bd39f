import ArgumentParser
import Foundation
import GongdanHub
import GongdanStore
import Logging
import GongdanText

/// `gongdan hub serve`: serves the sync API, the 12345 intake, the viewers' dashboard and the public
/// progress page until SIGINT or SIGTERM.
struct HubServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the sync and 12345 intake API, the dashboard (/dashboard) and the public progress page (/progress); prints `listening on http(s)://HOST:PORT` once bound; stops cleanly on SIGINT/SIGTERM.",
        discussion: """
            With --tls-cert and --tls-key (PEM, e.g. from `gongdan hub tls init`) the hub serves HTTPS only \
            (TLS 1.2 or later). Without them it serves plain HTTP, which carries node tokens, passwords and \
            personal data readable on the network: on an address other than loopback it warns unless \
            --insecure-http says that is meant (a TLS proxy on another machine, a closed test network).
            """)

    @Option(help: ArgumentHelp("Address to listen on (port 0: any free port, printed).", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    @Option(help: ArgumentHelp("The reverse proxy in front of the hub (its address as the hub sees it, e.g. 127.0.0.1): only its X-Forwarded-For names the client for the rate limits, and its X-Forwarded-Host the host logins must come from. Off by default: the headers are ignored.", valueName: "addr"))
    var trustedProxy: String?

    @Option(help: ArgumentHelp("The hub's certificate (PEM; the chain after it if any): serve HTTPS. Goes with --tls-key.", valueName: "file"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("The private key of --tls-cert (PEM, readable by this user only).", valueName: "file"))
    var tlsKey: String?

    @Option(help: ArgumentHelp("Connections one client address may hold at once (not the --trusted-proxy's); more are closed as they open.", valueName: "n"))
    var maxConnectionsPerAddress = ConnectionLimits().maxPerAddress

    @Flag(help: "Serve plain HTTP on an address other than loopback without the warning (only behind a TLS proxy or on a closed test network).")
    var insecureHTTP = false

    @OptionGroup var options: HubOptions

    func validate() throws {
        let language = Language.resolve(flag: options.lang, environment: ProcessInfo.processInfo.environment)
        guard (1...100_000).contains(maxConnectionsPerAddress) else {
            throw ValidationError(language.pick("--max-connections-per-address 须在 1 到 100000 之间（默认 32）",
                                                "--max-connections-per-address must be from 1 to 100000 (default 32)"))
        }
        if (tlsCert == nil) != (tlsKey == nil) {
            throw ValidationError(language.pick(
                "--tls-cert 和 --tls-key 须同时给出（证书及其私钥，如 gongdan hub tls init 生成的 hub.pem 和 hub-key.pem）",
                "--tls-cert and --tls-key go together: give the certificate and its private key (hub.pem and hub-key.pem from `gongdan hub tls init`)"))
        }
        if tlsCert != nil, insecureHTTP {
            throw ValidationError(language.pick("--insecure-http 与 --tls-cert 不能同时使用：有证书时中心只提供 HTTPS",
                                                "--insecure-http and --tls-cert exclude each other: with a certificate the hub serves HTTPS only"))
        }
        if let trustedProxy, !Self.isIPAddress(trustedProxy) {
            throw ValidationError("--trusted-proxy \(trustedProxy) is not an IP address: give the proxy's address as the hub sees it, e.g. 127.0.0.1 for nginx on this machine")
        }
    }

    /// Whether `text` is an IPv4 or IPv6 address, as a peer's address is written.
    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    func run() throws {
        let context = try options.context()
        let address = try ListenAddress(listen)
        // The certificate and key are checked before anything else is opened.
        let tls = try tlsCert.flatMap { cert in try tlsKey.map { try HubTLSFiles(certificatePath: cert, keyPath: $0).configuration } }
        let host = address.host, port = address.port
        // One server per database, and no restore under it, while this process lives.
        let lock = try HubServeLock.acquire(for: context.dbPath, purpose: "gongdan hub serve")
        defer { withExtendedLifetime(lock) {} }
        let store = try context.openStore()
        let info = try store.requireInfo()
        let logger = EscapingLogHandler.hubLogger(
            level: ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info)
        let fixed = context.fixedNow
        let hub = HubApplication(store: store, host: host, port: port, logger: logger, now: { fixed ?? Date() },
                                 trustedProxy: trustedProxy, tls: tls,
                                 connectionLimits: ConnectionLimits(maxPerAddress: maxConnectionsPerAddress))
        let district = info.district
        let scheme = tls == nil ? "http" : "https"
        if tls == nil, !insecureHTTP, !ListenAddress.isLoopback(host) {
            Console.error(context.language.pick(
                "警告：中心以明文 HTTP 监听 \(host)，局域网上任何人都能截获节点令牌、查看者密码和经营主体的个人信息，并能篡改同步数据。"
                    + "请用 gongdan hub tls init 生成证书，再以 --tls-cert hub.pem --tls-key hub-key.pem 启动；"
                    + "由本机的 TLS 代理（如 nginx）对外时，中心只监听 127.0.0.1；确需在局域网上明文提供时，加 --insecure-http。",
                "WARNING: the hub serves plain HTTP on \(host): anyone on the LAN can read node tokens, viewer passwords and "
                    + "the entities' personal data, and alter sync traffic. Make a certificate with `gongdan hub tls init` and "
                    + "start with --tls-cert hub.pem --tls-key hub-key.pem; behind a TLS proxy on this machine (nginx) listen "
                    + "on 127.0.0.1; to serve plain HTTP on the LAN all the same, add --insecure-http."))
        }
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await hub.run { bound in
                    Console.out("listening on \(scheme)://\(host):\(bound) (\(district))")
                }
            } catch {
                outcome.fail(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }
}
