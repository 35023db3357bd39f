import GongdanCore
import GongdanNode
import GongdanStore

extension DemoMonth {
    /// The workstation's round: sync; evaluate, review, decide extensions, dispatch; sync.
    mutating func workstationRound(index: Int) async throws {
        let code = DemoCast.workstation.code
        try await sync(code)
        let service = district.node(code).service
        if index == Self.outageWorkingDays.lowerBound + 1 { try takeConflictTicket(service) }
        for summary in try service.list(TicketFilter()).tickets.sorted(by: { $0.code < $1.code }) {
            guard let state = try service.store.ticket(summary.code) else { continue }
            if state.pendingExtension != nil {
                let approve = chance(0.8)
                try service.perform(.decideExtension(approve: approve, reason: approve ? nil : "理由不充分，请按期办结"), on: state.code)
                count(approve ? .approveExtension : .denyExtension)
            }
            switch state.status {
            case .pendingEvaluation:
                try evaluate(state, index: index)
            case .pendingReview:
                let accept = chance(0.85)
                try service.perform(.review(accept: accept, reason: accept ? nil : "答复不规范：未写明办理过程和依据，请补充"), on: state.code)
                count(accept ? .acceptReply : .rejectReply)
            case .pendingDispatch:
                try service.perform(.dispatch(lead: lead(for: state), co: []), on: state.code)
                count(state.unsatisfiedCount > 0 ? .secondDispatch : .dispatch)
            case .pendingEscalation:
                // Unsatisfied twice: the office designates the lead, with the market regulator beside it.
                let lead = lead(for: state)
                try service.perform(.escalate(lead: lead, co: lead == "SCJG" ? [] : ["SCJG"]), on: state.code)
                count(.escalate)
            default:
                break
            }
        }
        try await sync(code)
    }

    /// On the offline township's second day without a word, the workstation gives its scripted ticket
    /// to the neighbouring township (once).
    mutating func takeConflictTicket(_ service: NodeService) throws {
        guard !conflictTaken, let ticket = conflictTicket, let state = try service.store.ticket(ticket),
              state.lead == DemoCast.offlineTownship else { return }
        try service.perform(.dispatch(lead: DemoCast.standInTownship, co: []), on: ticket)
        count(.redispatch)
        conflictTaken = true
    }

    /// The revisit (回访): mostly satisfied; the first evaluation from ``unsatisfiedFromDay`` on is
    /// unsatisfied with a reasonable demand, which sends the ticket to a second dispatch.
    mutating func evaluate(_ state: TicketState, index: Int) throws {
        let service = district.node(DemoCast.workstation.code).service
        let roll = Double.random(in: 0..<1, using: &random)
        var satisfaction: Satisfaction = roll < 0.72 ? .satisfied : roll < 0.88 ? .basic : roll < 0.96 ? .unsatisfied : .unreachable
        if !unsatisfiedDone, index >= Self.unsatisfiedFromDay, state.unsatisfiedCount == 0 {
            satisfaction = .unsatisfied
            unsatisfiedDone = true
        }
        let resolved = satisfaction.isSatisfied && (state.reply?.resolved ?? true)
        try service.perform(.evaluate(Evaluation(satisfaction: satisfaction, resolved: resolved,
                                                 note: satisfaction == .unsatisfied ? "经营主体认为问题未实际解决" : nil)), on: state.code)
        count(.evaluate)
        if satisfaction == .unsatisfied { count(.unsatisfied) }
    }

    /// The unit a ticket goes to: the matter's home unit, or another one when that unit returned it.
    func lead(for state: TicketState) -> String {
        let returned = Set(state.returns.map(\.unit))
        if let home = DemoCast.homeUnit(entityName: state.intake.entity.name, summary: state.intake.summary), !returned.contains(home) {
            return home
        }
        let others = DemoCast.units.map(\.code).filter { !returned.contains($0) }
        return others[state.code.unicodeScalars.reduce(0) { $0 + Int($1.value) } % others.count]
    }
}
