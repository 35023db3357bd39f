import ArgumentParser

/// `gongdan ticket`: intake, the work list, the detail, and every workflow action.
struct TicketGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket", abstract: "Take in, list, show and handle tickets.",
        subcommands: [
            TicketNewCommand.self, TicketImportCommand.self, TicketListCommand.self, TicketShowCommand.self,
            TicketDispatchCommand.self, TicketSignCommand.self, TicketReturnCommand.self,
            TicketContactCommand.self, TicketProgressCommand.self, TicketExtendCommand.self,
            TicketDecideExtensionCommand.self, TicketReferCommand.self, TicketReplyCommand.self,
            TicketReviewCommand.self, TicketEvaluateCommand.self, TicketEscalateCommand.self,
            TicketCloseCommand.self, TicketCorrectCommand.self, TicketMergeCommand.self, TicketReleaseContactCommand.self,
        ])
}
