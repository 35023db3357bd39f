import ArgumentParser
import Foundation
import GongdanWeb

/// A `--listen HOST:PORT` value (`hub serve`, `demo`); port 0 asks for any free port.
struct ListenAddress: Hashable, Sendable {
    var host: String
    var port: Int

    init(_ text: String) throws {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65_535).contains(port), colon != text.startIndex
        else { throw ValidationError("--listen \(text) is not HOST:PORT, e.g. 127.0.0.1:8080 (port 0 picks a free port)") }
        host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        self.port = port
    }

    /// Whether `host` (a `--listen` host or a URL's host) is this machine only: 127.0.0.0/8, ::1 or localhost.
    static func isLoopback(_ host: String) -> Bool { Loopback.contains(host) }

    /// The base URL a browser on this machine uses once bound to `port`.
    func url(port: Int) -> String {
        let reachable = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        return "http://\(reachable.contains(":") ? "[\(reachable)]" : reachable):\(port)"
    }
}
