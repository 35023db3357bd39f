import ArgumentParser
import GongdanCore

/// `gongdan debug churn`: appends progress notes as fast as it can, one transaction each, printing
/// each event's seq as soon as it is committed. The crash tests `kill -9` it mid-run.
struct DebugChurnCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "churn", abstract: "Append N progress notes to a ticket, printing each seq.", shouldDisplay: false)

    @Argument(help: "The ticket's code.") var code: String
    @Option(help: "How many notes.") var count: Int
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let service = try global.context().openService()
        for index in 0..<max(0, count) {
            let (event, _) = try service.perform(.progress(note: "churn \(index + 1)"), on: code)
            Console.out(String(event.id.seq))
        }
    }
}
