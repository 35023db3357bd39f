import ArgumentParser
import GongdanCore

/// `gongdan debug rules`: prints the life-cycle rule table as the Markdown of `docs/rules.md`'s
/// generated part (a test checks the page against it).
struct DebugRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Prints the rule table as the Markdown of docs/rules.md.", shouldDisplay: false)

    func run() throws {
        print(TicketRules.markdown())
    }
}
