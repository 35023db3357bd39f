/// Why `gongdan demo` could not play its month.
public enum DemoError: Error, Equatable, CustomStringConvertible {
    /// The directory already holds a demo's hub database.
    case directoryInUse(String)
    /// The month is not `YYYY-MM`.
    case invalidMonth(String)
    /// The hub refused a 12345 item (status and body).
    case intakeRefused(status: Int, body: String)

    public var description: String {
        switch self {
        case .directoryInUse(let directory):
            "\(directory) already holds a demo (hub.sqlite): choose an empty directory with --dir, or remove that one"
        case .invalidMonth(let text):
            "--month \(text) is not a month: use YYYY-MM, e.g. 2026-11"
        case .intakeRefused(let status, let body):
            "the hub refused a 12345 item (HTTP \(status)): \(body)"
        }
    }
}
