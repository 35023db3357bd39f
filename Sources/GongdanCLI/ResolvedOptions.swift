import Foundation
import GongdanText

/// What every command resolves from its shared flags and the environment, whichever database it
/// then opens (a node's replica or the hub's): language, JSON or text, who acts, and the clock.
struct ResolvedOptions: Sendable {
    let language: Language
    let json: Bool
    /// Who acts: the flag, else `GONGDAN_USER`, else `USER`, else `fallbackPerson`.
    let person: String
    /// The clock fixed by `GONGDAN_NOW`, if set.
    let fixedNow: Date?

    init(lang: Language?, json: Bool, person: String?, environment: [String: String], fallbackPerson: String) throws {
        language = Language.resolve(flag: lang, environment: environment)
        self.json = json
        self.person = [person, environment["GONGDAN_USER"], environment["USER"]]
            .compactMap { $0?.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? fallbackPerson
        if let text = environment["GONGDAN_NOW"], !text.isEmpty {
            guard let now = TimeInput.instant(text) else { throw CLIError.invalidNow(text) }
            fixedNow = now
        } else {
            fixedNow = nil
        }
    }

    /// `$XDG_DATA_HOME/gongdan/NAME`, or `~/.local/share/gongdan/NAME`.
    static func dataPath(_ name: String, _ environment: [String: String]) -> String {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (home + "/.local/share")
        return data + "/gongdan/" + name
    }
}
