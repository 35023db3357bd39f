import GongdanCore

/// Errors of the command line itself (as opposed to the domain's or the store's); exit status 1.
enum CLIError: Error, Equatable, Sendable {
    /// `GONGDAN_NOW` is set but not a time.
    case invalidNow(String)
    /// A time flag or argument could not be read.
    case invalidTime(flag: String, text: String)
    /// `--expires` is none of its forms.
    case invalidExpiry(text: String)
    /// A date argument could not be read.
    case invalidDate(argument: String, text: String)
    /// A file could not be read.
    case unreadableFile(path: String, reason: String)
    /// An output file could not be written (nothing was written).
    case unwritableFile(path: String, reason: String)
    /// A holiday schedule file was refused.
    case scheduleFile(path: String, error: CalendarError)
    /// `gongdan check` found problems (already printed).
    case integrityProblems(count: Int)
    /// `gongdan hub verify` found problems (already printed).
    case hubProblems(count: Int)
}
