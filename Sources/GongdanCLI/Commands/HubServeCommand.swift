import ArgumentParser
import Foundation
import GongdanHub
import GongdanStore
import Logging

/// `gongdan hub serve`: serves the sync API, the 12345 intake, the viewers' dashboard and the public
/// progress page until SIGINT or SIGTERM.
struct HubServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the sync and 12345 intake API, the dashboard (/dashboard) and the public progress page (/progress); prints `listening on http://HOST:PORT` once bound; stops cleanly on SIGINT/SIGTERM.")

    @Option(help: ArgumentHelp("Address to listen on (port 0: any free port, printed).", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    @Option(help: ArgumentHelp("The reverse proxy in front of the hub (its address as the hub sees it, e.g. 127.0.0.1): only its X-Forwarded-For names the client for the rate limits, and its X-Forwarded-Host the host logins must come from. Off by default: the headers are ignored.", valueName: "addr"))
    var trustedProxy: String?

    @OptionGroup var options: HubOptions

    func validate() throws {
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
                                 trustedProxy: trustedProxy)
        let district = info.district
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await hub.run { bound in
                    Console.out("listening on http://\(host):\(bound) (\(district))")
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

/// How the server task ended, read once the task signalled.
private final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    func fail(_ error: any Error) { lock.withLock { stored = error } }
    var error: (any Error)? { lock.withLock { stored } }
}
