import Foundation
import GongdanCore
import GongdanNode
import GongdanStore
import GongdanText

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
        let resolved = try ResolvedOptions(lang: options.lang, json: options.json, person: options.person,
                                           environment: environment, fallbackPerson: "unknown")
        language = resolved.language
        json = resolved.json
        person = resolved.person
        fixedNow = resolved.fixedNow
        dbPath = options.db ?? Self.defaultDatabasePath(environment)
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
        if let path = environment["GONGDAN_DB"]?.trimmingCharacters(in: .whitespaces), !path.isEmpty { return path }
        return ResolvedOptions.dataPath("replica.sqlite", environment)
    }
}
