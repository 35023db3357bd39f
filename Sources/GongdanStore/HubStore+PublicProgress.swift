import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// The person recorded on evaluations the entity makes itself on the public progress page.
    public static let publicEvaluationPerson = "经营主体（网上评价）"

    /// The refusal for a ticket code and query code that do not match: the same whether the ticket
    /// does not exist or the query code is wrong, so a lookup never tells which.
    public static let noSuchPublicTicket = SyncError(.notFound, "no ticket matches this ticket code and query code (查询码); check both — the query code has six characters and was given when the matter was taken in")

    /// The entity's view of its ticket, or nil when the code and query code do not match (a missing
    /// ticket and a wrong query code are the same nil). The query code is the derived one, or a legacy
    /// ticket's stored one (``queryCodeMatches(_:ticket:queryCode:)``), compared in constant time.
    public func publicProgress(ticket code: String, queryCode: String) throws(SyncError) -> PublicProgress? {
        let code = TicketCode.normalized(code), query = TicketCode.normalized(queryCode)
        return try syncRead { db in
            guard try Self.queryCodeMatches(db, ticket: code, queryCode: query) else { return nil }
            return try Self.publicProgress(db, ticket: code)
        }
    }

    /// Records the entity's own evaluation from the public page as an event of the hub's origin
    /// `HUB` (workstation authority, channel `publicPage`), decided by ``GongdanCore/TicketDecider``
    /// so the domain's rules hold: only a ticket whose reply was accepted and awaits its evaluation
    /// takes one (`not_evaluable` otherwise, with where it stands). A ticket a township or department
    /// took in at its own window takes none here, ever (`not_evaluable`): the unit spoke with the
    /// entity and could hold its codes, so the workstation's revisit (回访) records the evaluation
    /// (`docs/evaluation.md`). A code and query code that do not match are ``noSuchPublicTicket``.
    /// Returns the ticket's view after the evaluation.
    public func evaluatePublicly(ticket code: String, queryCode: String, satisfaction: Satisfaction, resolved: Bool,
                                 now: Date) throws(SyncError) -> PublicProgress {
        guard satisfaction != .unreachable else {
            throw SyncError(.malformed, "satisfaction must be satisfied, basic or unsatisfied (unreachable is recorded only by the workstation's revisit)")
        }
        let code = TicketCode.normalized(code), query = TicketCode.normalized(queryCode)
        return try syncWrite { db in
            guard try Self.queryCodeMatches(db, ticket: code, queryCode: query) else { throw Self.noSuchPublicTicket }
            let state = try Self.requireState(db, code)
            // The rule table refuses it too (`evaluate.public-page-ticket`); saying so first gives the
            // entity the reason whatever the ticket's state.
            if state.createdBy.role.isUnit {
                throw Self.evaluatedByRevisit(state)
            }
            let context = try Self.hubDecisionContext(db, person: Self.publicEvaluationPerson, now: now)
            let evaluation = Evaluation(satisfaction: satisfaction, resolved: resolved, reasonable: true, channel: .publicPage)
            let payload: TicketEventPayload
            do throws(TicketError) {
                payload = try TicketDecider.decide(.evaluate(evaluation), on: state, in: context)
            } catch {
                throw SyncError(.notEvaluable, "ticket \(code) takes no evaluation now: it is \(PublicProgress.words(for: state.status)) (\(state.status.rawValue)); an evaluation is possible once the handling result has been accepted, and only once per result")
            }
            _ = try appendHubEvents(db, [(code, payload)], person: Self.publicEvaluationPerson, now: now)
            guard let progress = try Self.publicProgress(db, ticket: code) else { throw Self.noSuchPublicTicket }
            return progress
        }
    }

    /// The refusal of a public evaluation of a ticket a unit took in at its window.
    static func evaluatedByRevisit(_ state: TicketState) -> SyncError {
        SyncError(.notEvaluable, "ticket \(state.code) was taken in at a handling unit's window, so it is evaluated only through the workstation's revisit (回访): the workstation will call the entity to ask; the public page records no evaluation of it")
    }

    static func publicProgress(_ db: Database, ticket code: String) throws -> PublicProgress? {
        let events = try ReplicaStore.events(db, ticket: code)
        guard let state = TicketFold.fold(events, policy: try districtPolicy(db)) else { return nil }
        let names = try Self.units(db).namesByCode
        return PublicProgress(state: state, events: events, unitNames: names)
    }
}
