import Foundation
import GongdanCore
import GongdanStore

extension NodeService {
    /// The actions the desk offers forms for, in the order it shows them.
    public static let formActions: [TicketAction] = [
        .sign, .contact, .reply, .dispatch, .review, .evaluate, .decideExtension, .escalate,
        .extend, .return, .close, .releaseContact, .refer, .progress, .merge, .correct,
    ]

    /// The to-do page: the lists of this node's role (its own unit's, on a township or department), at most
    /// `limit` tickets each, and the notices addressed to it.
    public func workList(limit: Int = 50) throws -> WorkList {
        let identity = try store.requireIdentity()
        let sections = try WorkQueue.queues(for: identity.role).map { queue in
            WorkList.Section(queue: queue, page: try store.tickets(in: queue, unit: identity.unit, limit: limit))
        }
        let notices = try store.notices()
            .filter { identity.unit == nil || $0.unit == identity.unit }
            .sorted { $0.issuedAt > $1.issuedAt }
        return WorkList(sections: sections, notices: notices, now: now(), calendar: try calendar())
    }

    /// Tickets in this replica matching `text` (code, entity, credit code, summary, or contact details held here).
    public func searchTickets(_ text: String, limit: Int = 50) throws -> [TicketSummary] {
        try store.searchTickets(text, limit: limit)
    }

    /// This node's identity.
    public func identity() throws -> NodeIdentity { try store.requireIdentity() }

    /// The replica's side of syncing: the hub set, last success, offline since, the last error, unsent events.
    public func syncState() throws -> SyncSettings { try store.syncSettings() }

    /// The unit directory (for pickers).
    public func directory() throws -> [HandlingUnit] { try store.units() }

    /// The most working days an extension request may ask for now, by the district policy.
    public func largestExtension() throws -> Int {
        try store.districtPolicy().handling(at: now()).maxExtensionDays
    }

    /// The people who recorded this node's recent events, the most recent first (names offered at sign-in).
    public func recentPeople(limit: Int = 20) throws -> [String] { try store.recentPeople(limit: limit) }

    /// What the person at this node may do to the ticket now, by the rule table (its forms on the desk).
    public func allowedActions(on state: TicketState) throws -> [TicketAction] {
        let actor = try store.requireIdentity().actor(person: person)
        return TicketRules.actions(by: actor, on: state, among: Self.formActions)
    }
}

extension NodeService {
    /// How long a closed ticket still counts as a possible duplicate of a new report.
    public static let duplicateWindow: TimeInterval = 90 * 86_400

    /// The tickets a new report probably repeats: the same entity (``ConflictDetector/sameEntity(name:creditCode:asName:creditCode:)``,
    /// the rule of the hub's duplicate-intake conflicts) and an alike matter (``MatterSimilarity``), open or
    /// closed in the last 90 days; shown before the ticket is made.
    public func likelyDuplicates(of request: IntakeRequest) throws -> [TicketSummary] {
        let name = request.entity.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return [] }
        return try store.ticketsOfEntity(name: name, creditCode: request.entity.creditCode,
                                         closedSince: now().addingTimeInterval(-Self.duplicateWindow), limit: 200)
            .filter { candidate in
                ConflictDetector.sameEntity(name: name, creditCode: request.entity.creditCode,
                                            asName: candidate.entityName, creditCode: candidate.creditCode)
                    && MatterSimilarity.isAlike(candidate.summary, request.summary)
            }
    }
}
