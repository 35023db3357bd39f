/// Why the hub's TLS files could not be used (`hub serve --tls-cert/--tls-key`) or made (`hub tls init`).
/// Each case names the file and the fix; the CLI renders them in Chinese first.
public enum HubTLSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No file at `path` (given with `flag`).
    case missingFile(path: String, flag: String)
    /// The file exists but could not be read (permissions, a folder …).
    case unreadableFile(path: String, flag: String, reason: String)
    /// The file holds no PEM block of the expected kind (`certificate` or `private key`).
    case notPEM(path: String, flag: String, expected: Expected)
    /// The private key is not the key of the certificate.
    case keyDoesNotMatch(certificate: String, key: String)
    /// `hub tls init` would overwrite a file that exists (a district CA must not be replaced by accident).
    case alreadyExists(path: String)
    /// A `--host` value that is neither an IP address nor a DNS name.
    case invalidHost(String)
    /// A file could not be written.
    case unwritableFile(path: String, reason: String)

    /// What a PEM file was expected to hold.
    public enum Expected: String, Hashable, Sendable {
        case certificate
        case privateKey = "private key"
    }

    public var description: String {
        switch self {
        case .missingFile(let path, let flag):
            "\(flag) \(path): no such file; give the PEM file `gongdan hub tls init` wrote (or your own), or serve without TLS on 127.0.0.1 only"
        case .unreadableFile(let path, let flag, let reason):
            "\(flag) \(path) cannot be read (\(reason)); let the user that runs the hub read it (e.g. chown gongdan \(path); chmod 600 \(path))"
        case .notPEM(let path, let flag, let expected):
            "\(flag) \(path) holds no PEM \(expected.rawValue) (a text file with -----BEGIN …-----); give the \(expected == .certificate ? "hub.pem" : "hub-key.pem") `gongdan hub tls init` wrote, or convert yours with openssl"
        case .keyDoesNotMatch(let certificate, let key):
            "the private key \(key) is not the key of the certificate \(certificate); give the key made with that certificate (hub-key.pem beside hub.pem)"
        case .alreadyExists(let path):
            "\(path) exists already and was left as it is (nothing was written); choose another --dir, or move the old files away first"
        case .invalidHost(let host):
            "--host \(host) is neither an IP address nor a DNS name; give the name or address nodes use in the hub's URL, e.g. --host 10.0.0.5 --host hub.gangnan.local"
        case .unwritableFile(let path, let reason):
            "cannot write \(path) (\(reason)); choose a --dir this user may write"
        }
    }
}
