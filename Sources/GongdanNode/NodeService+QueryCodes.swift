import Foundation
import GongdanCore
import GongdanStore
import GongdanSync

extension NodeService {
    /// The query code (查询码) of `ticket` for the entity, on the workstation: derived from the ticket
    /// code with the district's secret the hub sent in its sync state (protocol 1.4). Nil on a
    /// township or department node (it never holds the secret, `docs/evaluation.md`) and on a
    /// workstation that has not yet synced with a 1.4 hub.
    public func queryCode(for ticket: String) throws -> String? {
        guard try store.requireIdentity().role == .workstation, let secret = try store.queryCodeSecret() else { return nil }
        return secret.queryCode(for: TicketCode.normalized(ticket))
    }
}

extension TicketEvent {
    /// The event as a node shows it: a `created` event made before protocol 1.4 without the query
    /// code it carried, so no screen or `--json` of a node prints a legacy code. The stored, signed
    /// event is unchanged.
    public var withoutLegacyQueryCode: TicketEvent {
        guard case .created(var intake) = payload, intake.queryCode != nil else { return self }
        intake.queryCode = nil
        var event = self
        event.payload = .created(intake)
        return event
    }
}
