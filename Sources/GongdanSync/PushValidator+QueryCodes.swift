import GongdanCore

extension PushValidator {
    /// Refuses a `created` event that carries a query code in a push of protocol 1.4 or later.
    ///
    /// From 1.4 a query code is derived from the ticket code with the district's secret (held by
    /// the hub and the workstation only) and never travels in an event, so no unit's replica holds
    /// one. A 1.4 node never writes one; a code in its push was put there by hand, and would
    /// replicate to every unit the ticket reaches, so the whole push is refused (`rule_violation`).
    /// Pushes of older nodes (1.3 and before) still carry their drawn codes and are taken as legacy
    /// (`docs/evaluation.md`).
    static func refuseCarriedQueryCodes(_ events: [TicketEvent]) throws(SyncError) {
        for event in events {
            guard case .created(let intake) = event.payload, intake.queryCode != nil else { continue }
            throw SyncError(.ruleViolation, "event \(event.id) (created \(intake.code)) carries a queryCode: from protocol \(ProtocolVersion.derivedQueryCodes) query codes are derived at the hub and the workstation and never travel in events; leave it out")
        }
    }
}
