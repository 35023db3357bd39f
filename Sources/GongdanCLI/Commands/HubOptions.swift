import ArgumentParser
import Foundation
import GongdanStore
import GongdanText

/// The options every `gongdan hub` command takes. Flags win over the environment.
struct HubOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The hub database (default: $GONGDAN_HUB_DB, else $XDG_DATA_HOME/gongdan/hub.sqlite or ~/.local/share/gongdan/hub.sqlite).",
        valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Print JSON (stable camelCase field names, ISO 8601 dates in UTC) instead of text.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Language of labels and messages: zh or en (default: zh, en when $LANG starts with en).",
                                            valueName: "zh|en"))
    var lang: Language?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who acts, recorded on the hub's override events (default: $GONGDAN_USER, else $USER).",
                                                        valueName: "person"))
    var person: String?

    /// Resolves the options and the environment.
    func context() throws -> HubContext {
        try HubContext(options: self, environment: ProcessInfo.processInfo.environment)
    }
}

/// What a hub command runs with: the options resolved against the environment.
struct HubContext: Sendable {
    let language: Language
    let json: Bool
    let dbPath: String
    let person: String
    let fixedNow: Date?

    init(options: HubOptions, environment: [String: String]) throws {
        let resolved = try ResolvedOptions(lang: options.lang, json: options.json, person: options.person,
                                           environment: environment, fallbackPerson: "hub")
        language = resolved.language
        json = resolved.json
        person = resolved.person
        fixedNow = resolved.fixedNow
        dbPath = options.db ?? Self.defaultDatabasePath(environment)
    }

    /// The current time: `GONGDAN_NOW` or the system clock.
    var now: Date { fixedNow ?? Date() }

    /// The existing hub database; `notInitialized` when there is no file.
    func openStore() throws -> HubStore {
        guard FileManager.default.fileExists(atPath: dbPath) else { throw HubStoreError.notInitialized(path: dbPath) }
        return try HubStore(path: dbPath)
    }

    /// The hub database, created if needed (`hub init`).
    func createStore() throws -> HubStore { try HubStore(path: dbPath) }

    static func defaultDatabasePath(_ environment: [String: String]) -> String {
        if let path = environment["GONGDAN_HUB_DB"]?.trimmingCharacters(in: .whitespaces), !path.isEmpty { return path }
        return ResolvedOptions.dataPath("hub.sqlite", environment)
    }
}
