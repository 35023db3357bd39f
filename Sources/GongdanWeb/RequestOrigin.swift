import Foundation

/// Who sent a request and from which page: the pure rules behind the login limit, the public page's
/// rate limit and the Origin check on `POST /login` and `POST /logout`. No sockets: the shell passes in
/// the peer's address and the headers.
///
/// | rule | when |
/// | --- | --- |
/// | the client is the last address in `X-Forwarded-For` | only when the peer is the operator's `--trusted-proxy` |
/// | the client is the peer's address | otherwise (a forged header from anyone else changes nothing) |
/// | a form post is refused as cross-origin | `Origin` names another host, or is `null`; or `Sec-Fetch-Site` is `cross-site`/`same-site` |
/// | a form post is accepted | `Origin` names the host the request was sent to, or neither header is sent (older browsers, scripts) |
public enum RequestOrigin {
    /// The address a rate limit is kept for. `trustedProxy` is the one peer (e.g. `127.0.0.1`, an nginx on
    /// the same machine) whose `X-Forwarded-For` is believed; nil (the default) believes nobody's.
    public static func client(peer: String, forwardedFor: String?, trustedProxy: String?) -> String {
        guard let trustedProxy, peer == trustedProxy, let forwardedFor,
              let last = forwardedFor.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        else { return peer }
        return last
    }

    /// Whether a browser's form post comes from a page of this hub. `host` is the `Host` header (or, behind
    /// the trusted proxy, its `X-Forwarded-Host`); `origin` and `fetchSite` are the `Origin` and `Sec-Fetch-Site` headers.
    public static func isSameOrigin(origin: String?, fetchSite: String?, host: String?) -> Bool {
        if let fetchSite = fetchSite?.lowercased(), fetchSite == "cross-site" || fetchSite == "same-site" { return false }
        guard let origin = origin?.trimmingCharacters(in: .whitespaces), !origin.isEmpty else { return true }
        guard let url = URL(string: origin), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let originHost = url.host?.lowercased(), let host = host?.lowercased(), !host.isEmpty
        else { return false }
        let bracketed = originHost.contains(":") && !originHost.hasPrefix("[") ? "[\(originHost)]" : originHost
        let defaultPort = scheme == "https" ? 443 : 80
        let port = url.port ?? defaultPort
        let candidates = [port == defaultPort ? bracketed : nil, "\(bracketed):\(port)"].compactMap { $0 }
        return candidates.contains(host)
    }
}
