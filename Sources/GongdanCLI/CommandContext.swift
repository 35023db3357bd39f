import Foundation
import GongdanCore
import GongdanNode
import GongdanStore

/// What a command runs with: the options resolved against the environment, and the way to the replica.
struct CommandContext: Sendable {
    let language: Language
    let json: Bool
    /// The replica's path.
    let dbPath: String
    /// Who acts.
    let person: String
    /// The clock fixed by `GONGDAN_NOW`, if set.
    let fixedNow: Date?

    init(options: GlobalOptions, environment: [String: String]) throws {
        language = Language.resolve(flag: options.lang, environment: environment)
        json = options.json
        dbPath = options.db ?? Self.defaultDatabasePath(environment)
        person = Self.nonEmpty(options.person) ?? Self.nonEmpty(environment["GONGDAN_USER"])
            ?? Self.nonEmpty(environment["USER"]) ?? "unknown"
        if let text = environment["GONGDAN_NOW"], !text.isEmpty {
            guard let now = TimeInput.instant(text) else { throw CLIError.invalidNow(text) }
            fixedNow = now
        } else {
            fixedNow = nil
        }
    }

    /// The current time: `GONGDAN_NOW` or the system clock.
    var now: Date { fixedNow ?? Date() }

    /// The node service over the existing replica; `notInitialized` when there is no replica file.
    func openService() throws -> NodeService {
        guard FileManager.default.fileExists(atPath: dbPath) else { throw StoreError.notInitialized(path: dbPath) }
        return try makeService()
    }

    /// The node service, creating the replica file if needed (`init`, `calendar load`).
    func createService() throws -> NodeService {
        try makeService()
    }

    /// The calendar of the replica if there is one, else the built-in official calendar.
    func calendar() throws -> WorkingDayCalendar {
        guard FileManager.default.fileExists(atPath: dbPath) else { return .official }
        return try makeService().calendar()
    }

    private func makeService() throws -> NodeService {
        let fixed = fixedNow
        return NodeService(store: try ReplicaStore(path: dbPath), person: person, now: { fixed ?? Date() })
    }

    static func defaultDatabasePath(_ environment: [String: String]) -> String {
        if let path = nonEmpty(environment["GONGDAN_DB"]) { return path }
        let data = nonEmpty(environment["XDG_DATA_HOME"])
            ?? ((nonEmpty(environment["HOME"]) ?? NSHomeDirectory()) + "/.local/share")
        return data + "/gongdan/replica.sqlite"
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }
}
