/// Why a `--hub-ca` file cannot be pinned. The CLI renders these in Chinese first.
public enum HubCAError: Error, Hashable, Sendable, CustomStringConvertible {
    case missingFile(path: String)
    case unreadableFile(path: String, reason: String)
    case notPEM(path: String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            "--hub-ca \(path): no such file; copy ca.pem from the hub (`gongdan hub tls init` wrote it) and give its path"
        case .unreadableFile(let path, let reason):
            "--hub-ca \(path) cannot be read (\(reason)); check the path and that this user may read it"
        case .notPEM(let path):
            "--hub-ca \(path) holds no PEM certificate (text with -----BEGIN CERTIFICATE-----); give the ca.pem `gongdan hub tls init` wrote"
        }
    }
}
