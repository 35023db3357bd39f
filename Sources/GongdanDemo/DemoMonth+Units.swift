import GongdanCore
import GongdanNode
import GongdanStore

extension DemoMonth {
    /// A unit's round: sync (when online); a walk-in at a township window now and then; then each
    /// ticket it leads: sign (or return), contact the entity, ask for an extension or reply; sync.
    mutating func unitRound(_ member: DemoCast.Member, index: Int) async throws {
        try await sync(member.code)
        let service = district.node(member.code).service
        if member.role == .township, chance(0.25) {
            let (entity, matter) = report(from: DemoCast.entities.filter { $0.township == member.code },
                                          about: DemoCast.matters.filter { $0.home == .township })
            let keep = chance(0.5)
            _ = try service.createTicket(IntakeRequest(
                category: matter.category, source: .window,
                entity: BusinessEntity(name: entity.name, contact: entity.contact, phone: entity.phone),
                summary: matter.summary, detail: "\(entity.contact)到窗口反映：\(matter.summary)。", keep: keep))
            count(keep ? .walkInKept : .walkIn)
        }
        let mine = try service.list(TicketFilter(unit: member.code)).tickets
            .filter { $0.lead == member.code && $0.status.owesReply }.sorted { $0.code < $1.code }
        for summary in mine {
            guard let state = try service.store.ticket(summary.code) else { continue }
            if state.code == conflictTicket, member.code == DemoCast.offlineTownship {
                try handleConflictTicket(state, service: service, index: index)
            } else {
                try handle(state, member: member, service: service)
            }
        }
        try await sync(member.code)
    }

    /// The ordinary work on one ticket, as diligent as the unit is.
    mutating func handle(_ state: TicketState, member: DemoCast.Member, service: NodeService) throws {
        switch state.status {
        case .pendingSign where chance(member.diligence):
            if state.returns.isEmpty, chance(0.05) {
                try service.perform(.returnTicket(reason: "经核实不属于本单位职责范围，请改派"), on: state.code)
                count(.giveBack)
            } else {
                try service.perform(.sign, on: state.code)
                count(.sign)
            }
        case .handling where !state.contactedThisRound:
            if chance(member.diligence) {
                try service.perform(.contact(note: "电话联系\(state.intake.entity.contact ?? "经营主体")，了解诉求并约定上门"), on: state.code)
                count(.contact)
            }
        case .handling where state.pendingExtension == nil:
            if state.extensionDaysGranted == 0, state.category.isExtensible, chance(0.1) {
                try service.perform(.requestExtension(days: Int.random(in: 2...5, using: &random), reason: "需协调多个部门现场会商"),
                                    on: state.code)
                count(.requestExtension)
            } else if chance(member.diligence * 0.35) {
                let resolved = chance(0.85)
                try service.perform(.reply(result: resolved ? "已现场协调处理完毕，经营主体认可" : "已解释相关政策，问题暂不具备解决条件",
                                           resolved: resolved), on: state.code)
                count(.reply)
            }
        default:
            break
        }
    }

    /// The offline township's scripted ticket: signed and the entity contacted at once; replied on
    /// the township's third day offline (after the workstation took the ticket away, unseen).
    mutating func handleConflictTicket(_ state: TicketState, service: NodeService, index: Int) throws {
        switch state.status {
        case .pendingSign:
            try service.perform(.sign, on: state.code)
            count(.sign)
            try service.perform(.contact(note: "当面了解诉求，约定一周内答复"), on: state.code)
            count(.contact)
        case .handling where !state.contactedThisRound:
            try service.perform(.contact(note: "当面了解诉求，约定一周内答复"), on: state.code)
            count(.contact)
        case .handling where index >= Self.outageWorkingDays.lowerBound + 2:
            try service.perform(.reply(result: "已协调施工方缩小围挡，恢复店面通行", resolved: true), on: state.code)
            count(.reply)
        default:
            break
        }
    }
}

extension TicketCategory {
    /// Categories with a long enough deadline that a unit would ask to extend it.
    var isExtensible: Bool { self == .complaint || self == .report || self == .help }
}
