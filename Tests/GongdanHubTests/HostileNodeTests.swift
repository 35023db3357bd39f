import Foundation
import GongdanCore
import GongdanSync
import GongdanTesting
import Testing
@testable import GongdanStore

/// A hostile node holding nothing but its own signing key and token pushes well-signed events the CLI
/// would never make, over real HTTP. Each is refused with its code and the rule it breaks
/// (`docs/rules.md`), nothing of the push is stored, and the units' scores, the supervision candidates
/// and every node's feed are as they were.
@Suite("A hostile node cannot rewrite the record", .timeLimit(.minutes(2)))
struct HostileNodeTests {
    /// One forged push: what the hostile node does to the ticket in hand, and how the hub answers.
    enum Forgery: String, CaseIterable, CustomTestStringConvertible {
        case leadCorrectsCategory, unitCorrectsTicketItNoLongerHandles, creatorCorrectsAnsweredWalkIn
        case walkInKeptForAnotherUnit, complaintAnsweredAtIntake, invalidPhone, freeFormTicketCode, controlCharacters
        case walkInCarriesQueryCode
        case endlessExtension, hugeNote, secondExtensionWhilePending, returnAfterContact, returnAfterProgressNote
        case replyWithoutContact, signTwice, coUnitSigns, unitEvaluates, unitReviews
        case workstationContacts, workstationRecordsPublicPageEvaluation, workstationClosesUnescalatedTicket
        case mergeIntoItself, clockClaimsUnseenEvents, hugeSoftwareString

        var testDescription: String { rawValue }

        /// The node that pushes.
        var node: String {
            switch self {
            case .workstationContacts, .workstationRecordsPublicPageEvaluation, .workstationClosesUnescalatedTicket,
                 .mergeIntoItself:
                "WS"
            default:
                "DX"
            }
        }

        /// The code and the rule (nil: no rule of the table, the push's own checks) the refusal names.
        var expected: (code: SyncError.Code, rule: String?) {
            switch self {
            case .leadCorrectsCategory, .unitCorrectsTicketItNoLongerHandles: (.ruleViolation, "correct.by")
            case .creatorCorrectsAnsweredWalkIn: (.ruleViolation, "correct.creator-before-dispatch")
            case .walkInKeptForAnotherUnit: (.ruleViolation, "create.kept-by-itself")
            case .walkInCarriesQueryCode: (.ruleViolation, nil)
            case .complaintAnsweredAtIntake: (.ruleViolation, "create.immediate-answer")
            case .invalidPhone, .controlCharacters: (.ruleViolation, "create.fields")
            case .freeFormTicketCode: (.ruleViolation, "create.code")
            case .endlessExtension, .hugeNote: (.ruleViolation, "extend.fields")
            case .secondExtensionWhilePending: (.ruleViolation, "extend.one-pending")
            case .returnAfterContact, .returnAfterProgressNote: (.ruleViolation, "return.before-handling")
            case .replyWithoutContact: (.ruleViolation, "reply.after-contact")
            case .signTwice: (.ruleViolation, "sign.state")
            case .coUnitSigns: (.ruleViolation, "sign.by")
            case .unitEvaluates, .unitReviews, .workstationContacts: (.roleForbidden, nil)
            case .workstationRecordsPublicPageEvaluation: (.ruleViolation, "evaluate.channel")
            case .workstationClosesUnescalatedTicket: (.ruleViolation, "close.escalated-only")
            case .mergeIntoItself: (.ruleViolation, "merge.other-ticket")
            case .clockClaimsUnseenEvents: (.causalPastUnknown, nil)
            case .hugeSoftwareString: (.malformed, nil)
            }
        }
    }

    static let cst = Fixtures.cst

    @Test(arguments: Forgery.allCases)
    func aForgedEventIsRefusedWithTheRuleItBreaksAndChangesNothing(_ forgery: Forgery) async throws {
        try await HubHTTPTests().withHub { hub, client in
            // Given a hub holding a ticket dispatched to DX (and signed by it), a walk-in DX answered at
            // once, and whatever honest work the forgery builds on
            var scene = try Scene(hub)
            try scene.prepare(forgery, hub)
            let before = try Snapshot(hub)

            // When the hostile node pushes its forgery, signed with its own key
            let forged = try scene.forge(forgery, hub)
            var push = try hub.push(forged, from: forgery.node)
            if forgery == .hugeSoftwareString { push.software = String(repeating: "x", count: 1 << 20) }
            let answer = try await client.send("POST", "/api/v1/sync/push", token: hub.tokens[forgery.node]!,
                                               protocolHeader: "1.4", body: try GongdanJSON.encoder().encode(push))

            // Then it is refused with its code, naming the rule, the event and the ticket
            let error = try #require(try? client.error(answer.body), "\(answer.status) \(String(decoding: answer.body, as: UTF8.self)) \(forged)")
            #expect(error.code == forgery.expected.code, "\(error)")
            #expect(answer.status == forgery.expected.code.httpStatus)
            if let rule = forgery.expected.rule {
                #expect(error.message.contains("rule \(rule)"), "\(error.message)")
                #expect(error.message.contains(forged.last!.ticket))
            }
            // and nothing changed: rows, chains, scores, supervision candidates, every node's feed
            #expect(try Snapshot(hub) == before)
            #expect(try hub.store.verify() == [])
        }
    }

    /// The tickets a hostile node works on: `main` (WS-26-0001, dispatched to DX and signed) and `walkIn`
    /// (DX-26-0001, a consultation DX answered at once). Each harness numbers its own events; what is
    /// pushed is renumbered after what the hub holds of the origin.
    struct Scene {
        var main = TicketHarness()
        var walkIn = TicketHarness(code: "DX-26-0001")
        /// Per harness and origin, how many of its events the hub holds.
        var pushed: [String: Int] = [:]

        init(_ hub: HubFixture) throws {
            main = try HubFixture.dispatchedToDongxing()
            try main.perform(.sign, on: "DX", at: cst("2026-09-28 11:00"))
            try walkIn.intake(IntakeRequest(category: .consult, source: .window, entity: BusinessEntity(name: "港南区好味餐馆"),
                                            summary: "营业执照变更需要哪些材料", immediateAnswer: "带上原执照和股东决议到政务中心"),
                              on: "DX", at: cst("2026-09-28 09:30"))
            try push(hub)
        }

        /// Pushes every event not yet at the hub, honestly, origin by origin in `order`.
        mutating func push(_ hub: HubFixture, order: [String] = ["WS", "DX"]) throws {
            for origin in order {
                let events = fresh(origin)
                guard !events.isEmpty else { continue }
                _ = try hub.store.ingest(try hub.push(try renumbered(events, hub), from: origin), from: try hub.node(origin), now: hub.now)
                markPushed(origin)
            }
        }

        /// `origin`'s events in both harnesses that the hub does not hold yet, in the order they were
        /// stamped (each harness keeps its own clock for the node: an origin's clock only moves forward).
        func fresh(_ origin: String) -> [TicketEvent] {
            [("main", main), ("walkIn", walkIn)].flatMap { name, harness in
                harness.allEvents.filter { $0.id.origin == origin }.dropFirst(pushed["\(name)/\(origin)", default: 0])
            }.sorted { $0.hlc < $1.hlc }
        }

        mutating func markPushed(_ origin: String) {
            pushed["main/\(origin)"] = main.allEvents.filter { $0.id.origin == origin }.count
            pushed["walkIn/\(origin)"] = walkIn.allEvents.filter { $0.id.origin == origin }.count
        }

        /// `events` with consecutive seqs after what the hub holds of their origin.
        func renumbered(_ events: [TicketEvent], _ hub: HubFixture) throws -> [TicketEvent] {
            guard let origin = events.first?.id.origin else { return [] }
            let held = try hub.store.db.read { db in try HubStore.originHead(db, origin) }.seq
            return events.enumerated().map { index, event in
                TicketEvent(id: EventID(origin: origin, seq: held + Int64(index) + 1), ticket: event.ticket, hlc: event.hlc,
                            clock: event.clock, actor: event.actor, payload: event.payload)
            }
        }

        /// The honest work a forgery builds on, pushed before the hub's state is recorded.
        mutating func prepare(_ forgery: Forgery, _ hub: HubFixture) throws {
            switch forgery {
            case .unitCorrectsTicketItNoLongerHandles:
                try main.perform(.dispatch(lead: "QX", co: []), on: "WS", at: cst("2026-09-28 12:00"))
            case .coUnitSigns:
                try main.perform(.dispatch(lead: "QX", co: ["DX"]), on: "WS", at: cst("2026-09-28 12:00"))
            case .endlessExtension, .returnAfterContact, .secondExtensionWhilePending:
                try main.perform(.contact(note: "电话联系黄老板"), on: "DX", at: cst("2026-09-28 14:00"))
                if forgery == .secondExtensionWhilePending {
                    try main.perform(.requestExtension(days: 3, reason: "需协调"), on: "DX", at: cst("2026-09-28 14:30"))
                }
            case .returnAfterProgressNote:
                try main.perform(.progress(note: "已到现场查看"), on: "DX", at: cst("2026-09-28 14:00"))
            case .workstationRecordsPublicPageEvaluation:
                try main.perform(.contact(note: "电话联系黄老板"), on: "DX", at: cst("2026-09-28 14:00"))
                try main.perform(.reply(result: "已协调施工方缩短工期", resolved: true), on: "DX", at: cst("2026-09-28 14:10"))
                try push(hub)
                main.deliver(from: "DX", to: "WS")
                try main.perform(.review(accept: true, reason: nil), on: "WS", at: cst("2026-09-28 14:20"))
            default:
                return
            }
            main.deliver(from: "WS", to: "DX")
            try push(hub)
        }

        /// Makes the forgery and returns the hostile node's events to push, numbered after the hub's.
        mutating func forge(_ forgery: Forgery, _ hub: HubFixture) throws -> [TicketEvent] {
            let at = cst("2026-09-28 15:00")
            switch forgery {
            case .leadCorrectsCategory:
                main.forge(.corrected(field: .category, value: "consult"), on: "DX", at: at)
            case .unitCorrectsTicketItNoLongerHandles:
                main.forge(.corrected(field: .entityName, value: "别的公司"), on: "DX", at: at)
            case .creatorCorrectsAnsweredWalkIn:
                walkIn.forge(.corrected(field: .summary, value: "无"), on: "DX", at: at)
            case .walkInKeptForAnotherUnit, .complaintAnsweredAtIntake, .invalidPhone, .freeFormTicketCode, .controlCharacters,
                 .walkInCarriesQueryCode:
                return try renumbered([Self.forgedIntake(forgery, at: at)], hub)
            case .endlessExtension:
                main.forge(.extensionRequested(days: Int.max, reason: "需要时间"), on: "DX", at: at)
            case .hugeNote:
                main.forge(.extensionRequested(days: 3, reason: String(repeating: "长", count: 800_000)), on: "DX", at: at)
            case .secondExtensionWhilePending:
                main.forge(.extensionRequested(days: 5, reason: "再延"), on: "DX", at: at)
            case .returnAfterContact, .returnAfterProgressNote:
                main.forge(.returned(reason: "不归我镇管"), on: "DX", at: at)
            case .replyWithoutContact:
                main.forge(.replied(result: "已办结", resolved: true), on: "DX", at: at)
            case .signTwice, .coUnitSigns:
                main.forge(.signed, on: "DX", at: at)
            case .unitEvaluates:
                main.forge(.evaluated(Evaluation(satisfaction: .satisfied, resolved: true)), on: "DX", at: at)
            case .unitReviews:
                main.forge(.reviewed(accepted: true, reason: nil), on: "DX", at: at)
            case .workstationContacts:
                main.forge(.contacted(note: "工作站电话联系"), on: "WS", at: at)
            case .workstationRecordsPublicPageEvaluation:
                main.forge(.evaluated(Evaluation(satisfaction: .satisfied, resolved: true, channel: .publicPage)), on: "WS", at: at)
            case .workstationClosesUnescalatedTicket:
                main.forge(.closed(reason: "自行办结"), on: "WS", at: at)
            case .mergeIntoItself:
                main.forge(.merged(into: "WS-26-0001"), on: "WS", at: at)
            case .clockClaimsUnseenEvents:
                var event = main.forge(.progressNoted(note: "已到现场"), on: "DX", at: at)
                event.clock = event.clock.merged(with: VectorClock(["QX": 4]))
                return try renumbered([event], hub)
            case .hugeSoftwareString:
                main.forge(.progressNoted(note: "已到现场"), on: "DX", at: at)
            }
            return try renumbered(fresh(forgery.node), hub)
        }

        /// A walk-in created by DX with one field a decider never lets through.
        static func forgedIntake(_ forgery: Forgery, at time: Date) throws -> TicketEvent {
            var code = "DX-26-0002"
            var intake = Intake(code: code, category: .help, source: .window,
                                entity: BusinessEntity(name: "港南区好味餐馆", phone: "0775-4331430"), summary: "门店用电问题")
            switch forgery {
            case .walkInKeptForAnotherUnit:
                intake.keptBy = "QX"
                intake.keptDeadline = cst("2026-09-01 24:00")
            case .complaintAnsweredAtIntake:
                intake.category = .complaint
                intake.immediateAnswer = "已当场答复"
            case .invalidPhone:
                intake.entity.phone = "call me maybe"
            case .freeFormTicketCode:
                code = "DX-ANYTHING"
                intake.code = code
            case .controlCharacters:
                intake.summary = "门店\u{1B}[2J用电问题"
            case .walkInCarriesQueryCode:
                // A query code the unit drew itself, to look its own walk-in up on the public page (1.4: refused).
                intake.queryCode = "ABC234"
            default:
                break
            }
            var walkIn = TicketHarness(code: code)
            return walkIn.forge(.created(intake), on: "DX", at: time)
        }
    }

    /// What a refused push must leave unchanged.
    struct Snapshot: Equatable {
        var counts: [String: Int]
        var scores: ScoringReport
        var candidates: [NoticeCandidate]
        var feeds: [String: [EventID]]

        init(_ hub: HubFixture) throws {
            counts = try hub.counts()
            let asOf = Fixtures.cst("2026-10-20 09:00")
            scores = try hub.store.scoringReport(period: try .month(9, of: 2026), asOf: asOf)
            candidates = try hub.store.noticeCandidates(asOf: asOf)
            feeds = [:]
            for node in ["WS", "DX", "QX", "SCJG"] { feeds[node] = try hub.pullAll(node).events.map(\.id) }
        }
    }
}
