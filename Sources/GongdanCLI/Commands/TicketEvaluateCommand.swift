import ArgumentParser
import GongdanCore

/// `gongdan ticket evaluate`: the workstation records the entity's evaluation from a revisit (评价).
struct TicketEvaluateCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate", abstract: "记录经营主体的评价（回访）。Record the entity's evaluation (revisit).",
        discussion: "例 Examples:\n  gongdan ticket evaluate WS-26-0001 --satisfied\n  gongdan ticket evaluate WS-26-0001 --unsatisfied --unresolved")

    @Argument(help: "The ticket's code.") var code: String
    @Flag(exclusivity: .exclusive) var satisfaction: Satisfaction
    @Flag(help: "The entity says its problem was not resolved.") var unresolved = false
    @Flag(help: "The demand was not reasonable and lawful (unsatisfied → closed, out of the satisfaction rate).") var unreasonable = false
    @Option(help: "What the entity said.") var note: String?
    @OptionGroup var global: GlobalOptions

    /// The evaluation the flags describe: resolved unless `--unresolved` (never for `--unreachable`).
    var evaluation: Evaluation {
        Evaluation(satisfaction: satisfaction, resolved: satisfaction != .unreachable && !unresolved,
                   reasonable: !unreasonable, channel: .revisit, note: note)
    }

    func run() throws {
        try TicketActionRunner.perform(.evaluate(evaluation), on: code, global: global)
    }
}
