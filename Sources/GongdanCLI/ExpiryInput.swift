import ArgumentParser
import Foundation
import GongdanCore
import GongdanText

/// Reads `--expires`: a number of days from now (`180d`), a date (`2027-06-30`: the credential works
/// through that day, China Standard Time) or an instant (ISO 8601).
enum ExpiryInput {
    /// The accepted forms, for error messages.
    static let acceptedForms = "a number of days (180d), a date (2027-06-30, valid through that day, China Standard Time) or an ISO 8601 time"

    /// When a credential given `--expires text` at `now` stops working, or nil if `text` is none of the forms.
    static func expiry(_ text: String, now: Date) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasSuffix("d"), let days = Int(trimmed.dropLast()), days > 0, days <= 36_500 {
            return now.addingTimeInterval(Double(days) * 86_400)
        }
        if let date = CivilDate(trimmed) {
            let endOfDay = Double(date.adding(days: 1).daysSince1970) * 86_400 - Double(CivilDate.chinaStandardTimeOffset)
            return Date(timeIntervalSince1970: endOfDay)
        }
        return TimeInput.instant(trimmed)
    }

    /// `--expires` read, or a usage error that names the accepted forms.
    static func parse(_ text: String?, now: Date) throws -> Date? {
        guard let text else { return nil }
        guard let date = expiry(text, now: now) else {
            throw CLIError.invalidExpiry(text: text)
        }
        return date
    }
}

/// `--expires`, shared by `hub node add` and `hub node rekey`, and the lines that show an issued credential.
struct ExpiryOption: ParsableArguments {
    @Option(help: ArgumentHelp("When the credential stops working: days from now (180d), a date (2027-06-30, through that day, China Standard Time) or an ISO 8601 time. Default: never.",
                               valueName: "expiry"))
    var expires: String?

    /// The expiry asked for, or nil for never.
    func expiry(now: Date) throws -> Date? { try ExpiryInput.parse(expires, now: now) }

    /// `token: …` and, when it expires, `expires: …`.
    static func credentialLines(token: String, expiry: Date?, language: Language) -> [String] {
        [language.pick("令牌：", "token: ") + token] + (expiry.map { [language.pick("有效期至：", "expires: ") + TimeText.instant($0)] } ?? [])
    }
}
