import Foundation

extension TicketDecider {
    /// Decides the intake of a new ticket whose code and query code the caller has drawn.
    public static func decideIntake(_ request: IntakeRequest, code: String, queryCode: String,
                                    in context: DecisionContext) throws(TicketError) -> TicketEventPayload {
        let actor = context.actor
        var entity = request.entity
        entity.name = try text(entity.name, "--entity", "the business entity's registered name")
        entity.creditCode = entity.creditCode.flatMap(nonEmpty)?.uppercased()
        entity.contact = entity.contact.flatMap(nonEmpty)
        entity.phone = entity.phone.flatMap(nonEmpty)
        if let creditCode = entity.creditCode { try CreditCode.validate(creditCode) }
        if let phone = entity.phone {
            let allowed = CharacterSet(charactersIn: "0123456789+- ()")
            guard (5...24).contains(phone.count), phone.unicodeScalars.allSatisfy(allowed.contains) else {
                throw .invalidInput("--phone '\(phone)' is not a phone number: use digits, spaces, '-', '+' or parentheses (e.g. 0775-4331430)")
            }
        }
        let summary = try text(request.summary, "--summary", "the matter in one line")
        let detail = request.detail.flatMap(nonEmpty)

        if actor.role.isUnit, request.source == .hotline {
            throw .invalidInput("only the workstation takes in 12345 hotline tickets; a township or department records walk-ins with --source window")
        }
        if request.source != .hotline, request.hotlineReceivedAt != nil || request.hotlineOrder != nil {
            throw .invalidInput("--hotline-received-at and --hotline-order belong to hotline tickets: drop them or use --source hotline")
        }
        var intakeDeadline: Date?
        if request.source == .hotline {
            guard let received = request.hotlineReceivedAt else {
                throw .invalidInput("a hotline ticket needs --hotline-received-at TIME (when 12345 received the call, ISO 8601) for the 1-working-day intake limit")
            }
            guard received <= context.now.addingTimeInterval(300) else {
                throw .invalidInput("--hotline-received-at \(received.formatted(.iso8601)) is in the future: check the time (and this machine's clock)")
            }
            intakeDeadline = context.calendar.deadline(workingDays: context.policy.intakeWorkingDays, from: received)
        }
        if request.keep, !actor.role.isUnit {
            throw .invalidInput("--keep is for a township or department handling its own walk-in; the workstation dispatches with `gongdan ticket dispatch`")
        }
        var answer: String?
        if let immediate = request.immediateAnswer {
            guard request.category == .consult else {
                throw .invalidInput("only a consultation can be answered at intake; drop --answer or use --category consult")
            }
            answer = try text(immediate, "--answer", "the answer given at once")
        }
        let keptBy = request.keep && answer == nil ? actor.unit : nil
        let keptDeadline = keptBy.map { _ in
            context.calendar.deadline(workingDays: request.category.handlingWorkingDays, from: context.now)
        }
        return .created(Intake(
            code: code, queryCode: queryCode, category: request.category, source: request.source,
            entity: entity, summary: summary, detail: detail, hotlineReceivedAt: request.hotlineReceivedAt,
            hotlineOrder: request.hotlineOrder.flatMap(nonEmpty), intakeDeadline: intakeDeadline,
            keptBy: keptBy, keptDeadline: keptDeadline, immediateAnswer: answer))
    }

    static func nonEmpty(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
