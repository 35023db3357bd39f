import ArgumentParser
import Foundation
import GongdanText

/// The options every command takes. Flags win over the environment.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The replica database (default: $GONGDAN_DB, else $XDG_DATA_HOME/gongdan/replica.sqlite or ~/.local/share/gongdan/replica.sqlite).",
        valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Print JSON (stable camelCase field names, ISO 8601 dates in UTC) instead of text.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Language of labels and messages: zh or en (default: zh, en when $LANG starts with en).",
                                            valueName: "zh|en"))
    var lang: Language?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who acts, recorded on every event (default: $GONGDAN_USER, else $USER).",
                                                        valueName: "person"))
    var person: String?

    /// The language to print in.
    var language: Language {
        Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment)
    }

    /// Resolves the options and the environment into what a command runs with.
    func context() throws -> CommandContext {
        try CommandContext(options: self, environment: ProcessInfo.processInfo.environment)
    }
}
