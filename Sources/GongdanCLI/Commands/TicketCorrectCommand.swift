import ArgumentParser
import GongdanCore

/// `gongdan ticket correct`: corrects a field taken in wrongly (更正).
struct TicketCorrectCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct", abstract: "Correct a field of the intake (an empty --value clears an optional field).")

    @Argument(help: "The ticket's code.") var code: String
    @Option(help: "The field to correct.") var field: CorrectableField
    @Option(help: "The corrected value.") var value: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try TicketActionRunner.perform(.correct(field: field, value: value), on: code, global: global)
    }
}
