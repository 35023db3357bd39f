import ArgumentParser

/// `gongdan ticket review`: the workstation accepts a reply or rejects it as non-standard (审核).
struct TicketReviewCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Accept a reply, or reject it as non-standard (with --reason).")

    /// The verdict.
    enum Verdict: String, EnumerableFlag {
        case accept, reject
    }

    @Argument(help: "The ticket's code.") var code: String
    @Flag(exclusivity: .exclusive, help: "Accept or reject.") var verdict: Verdict
    @Option(help: "Why the reply is not standard (required to reject).") var reason: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if verdict == .reject, reason?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            throw ValidationError("--reject needs --reason TEXT: say why the reply is not standard")
        }
    }

    func run() throws {
        try TicketActionRunner.perform(.review(accept: verdict == .accept, reason: reason), on: code, global: global)
    }
}
