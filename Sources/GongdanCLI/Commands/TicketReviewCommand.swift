import ArgumentParser

/// `gongdan ticket review`: the workstation accepts a reply or rejects it as non-standard (审核).
struct TicketReviewCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "审核承办单位的回复：通过，或不通过（须写理由）。Accept a reply, or reject it as non-standard (with --reason).",
        discussion: "例 Examples:\n  gongdan ticket review WS-26-0001 --accept\n  gongdan ticket review WS-26-0001 --reject --reason \"未说明处理结果\"")

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
            throw ValidationError(global.language.pick("--reject（审核不通过）须加 --reason 理由：说明为什么办结不规范", "--reject needs --reason TEXT: say why the reply is not standard"))
        }
    }

    func run() throws {
        try TicketActionRunner.perform(.review(accept: verdict == .accept, reason: reason), on: code, global: global)
    }
}
