

/// The language of labels and messages: Chinese by default, English on request.
public enum Language: String, CaseIterable, Sendable {
    case zh
    case en

    /// `--lang` if given, else English when `LANG` starts with `en`, else Chinese.
    public static func resolve(flag: Language?, environment: [String: String]) -> Language {
        if let flag { return flag }
        if let lang = environment["LANG"], lang.lowercased().hasPrefix("en") { return .en }
        return .zh
    }

    /// The `--lang` value among raw arguments, for messages about arguments that did not parse.
    public static func scan(_ arguments: [String]) -> Language? {
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst(7))) }
            if argument == "--lang", index + 1 < arguments.count { return Language(rawValue: arguments[index + 1]) }
        }
        return nil
    }

    /// The text in this language.
    public func pick(_ zh: String, _ en: String) -> String {
        self == .zh ? zh : en
    }
}
