import Foundation
import GongdanSync
import GongdanWeb

/// Who may reach a desk, as pure rules: the listening address, the `Host` a browser sent, the password.
///
/// | rule | why |
/// | --- | --- |
/// | a desk on a loopback address needs no password | only this PC reaches it; clerks pick their name |
/// | a desk on any other address needs `--password-file` | it is reachable from the network |
/// | on loopback, a request's `Host` must be a loopback name or address (`127.0.0.1`, `localhost`, `[::1]`; any port) | a web page elsewhere cannot rename itself to reach the desk (DNS rebinding) |
public struct DeskAccess: Sendable {
    /// The address the desk listens on.
    public let listenHost: String
    /// The password every clerk types, when the operator set one.
    public let password: String?

    /// Refuses a desk reachable from the network without a password.
    public init(listenHost: String, password: String?) throws(DeskError) {
        if let password, password.isEmpty { throw .emptyPassword }
        guard Loopback.contains(listenHost) || password != nil else { throw .passwordRequired(host: listenHost) }
        self.listenHost = listenHost
        self.password = password
    }

    /// Whether a request whose `Host` header is `header` may be served.
    public func acceptsHost(_ header: String?) -> Bool {
        guard Loopback.contains(listenHost) else { return true }
        guard let header = header?.lowercased(), !header.isEmpty else { return false }
        let name: Substring
        if header.hasPrefix("[") {
            name = header.split(separator: "]", maxSplits: 1).first.map { $0.dropFirst() } ?? ""
        } else {
            name = header.split(separator: ":", maxSplits: 1).first ?? ""
        }
        return Loopback.contains(String(name))
    }

    /// Whether `typed` is the password (always, when none is set); compared in constant time.
    public func accepts(password typed: String?) -> Bool {
        guard let password else { return true }
        return ConstantTime.equals(typed ?? "", password)
    }
}
