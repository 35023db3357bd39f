import Foundation

/// Whether an address is this machine only: 127.0.0.0/8, `::1` or `localhost` (and `*.localhost`).
public enum Loopback {
    /// `host` as a `--listen` host or a URL's host, brackets allowed.
    public static func contains(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" { return true }
        var v4 = in_addr()
        guard inet_pton(AF_INET, bare, &v4) == 1 else { return false }
        return UInt32(bigEndian: v4.s_addr) >> 24 == 127
    }
}
