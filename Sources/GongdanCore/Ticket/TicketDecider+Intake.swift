import Foundation

extension TicketDecider {
    /// Decides the intake of a new ticket whose code the caller has drawn.
    ///
    /// The `created` event carries no query code (protocol 1.4): the hub and the workstation
    /// derive it from the ticket code and the district's secret when the entity needs it.
    public static func decideIntake(_ request: IntakeRequest, code: String,
                                    in context: DecisionContext) throws(TicketError) -> TicketEventPayload {
        let actor = context.actor
        if request.keep, !actor.role.isUnit {
            throw .invalidInput("--keep is for a township or department handling its own walk-in; the workstation dispatches with `gongdan ticket dispatch`")
        }
        var entity = request.entity
        entity.name = trimmed(entity.name)
        entity.creditCode = entity.creditCode.flatMap(nonEmpty)?.uppercased()
        entity.contact = entity.contact.flatMap(nonEmpty)
        entity.phone = entity.phone.flatMap(nonEmpty)
        let answer = request.immediateAnswer.map(trimmed)
        let keptBy = request.keep && answer == nil ? actor.unit : nil
        let made = Intake(
            code: code, category: request.category, source: request.source,
            entity: entity, summary: trimmed(request.summary), detail: request.detail.flatMap(nonEmpty),
            hotlineReceivedAt: request.hotlineReceivedAt, hotlineOrder: request.hotlineOrder.flatMap(nonEmpty),
            keptBy: keptBy, immediateAnswer: answer)
        let payload = TicketEventPayload.created(DerivedValues.intake(made, at: context.now, policy: context.district))
        do {
            try TicketRules.check(payload, ticket: code, by: actor, on: nil, at: context.now, policy: context.district)
        } catch {
            throw error.error
        }
        return payload
    }
}
