import Foundation
import GongdanCore
import GongdanTesting

/// Makes the committed files of `sync-protocol/vectors/`: each scenario plays a ticket's history on a
/// `TicketHarness` (deterministic times), and states by hand — from the domain rules, not from the
/// fold — what every replica must fold the events to. `VectorTests` then checks the fold against them.
///
/// Regenerate with `GONGDAN_WRITE_VECTORS=1 swift test --filter VectorFileGeneration`.
enum VectorGenerator {
    static func cst(_ text: String) -> Date { Fixtures.cst(text) }

    static let secondWorkstation = Actor(node: "WS2", role: .workstation, unit: nil, person: "刘工作站")

    /// A hotline complaint received on Monday 2 November 2026 (a month without holidays): dispatched
    /// that day, it is due at the end of the 10th working day after, Monday 16 November (24:00 UTC+8).
    static func complaint() -> IntakeRequest {
        var request = Fixtures.complaint(receivedAt: cst("2026-11-02 08:30"))
        request.hotlineOrder = "GX12345-20261102-0088"
        return request
    }

    static let contact = TicketCommand.contact(note: "电话联系黄老板，约定次日现场查看")
    static let reply = TicketCommand.reply(result: "已协调施工单位收窄围挡，门店恢复通行", resolved: true)
    static let accept = TicketCommand.review(accept: true, reason: nil)

    /// Every vector, in file-name order.
    static func all() throws -> [SyncVector] {
        [try straightWalk(), try offlineRedispatch(), try concurrentCorrections(), try returnThenRedispatch(),
         try unsatisfiedTwice(), try batchesOutOfOrder(), try extensionAfterOfflineReply(),
         try extensionBeforeConcurrentReply(), try offlineReplyBeforeRedispatch(), try returnAfterContactRefused(),
         try unitRewritesTheRecordRefused(), try forgedDeadlineNotTaken(), try backdatedSignRefused()]
    }

    // MARK: - Scenarios

    static func straightWalk() throws -> SyncVector {
        var h = TicketHarness()
        try h.intake(complaint(), on: "WS", at: cst("2026-11-02 09:00"))
        try h.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-11-02 09:30"))
        h.deliver(from: "WS", to: "DX")
        try h.perform(.sign, on: "DX", at: cst("2026-11-02 10:00"))
        try h.perform(contact, on: "DX", at: cst("2026-11-03 10:00"))
        try h.perform(reply, on: "DX", at: cst("2026-11-05 15:00"))
        h.deliver(from: "DX", to: "WS")
        try h.perform(accept, on: "WS", at: cst("2026-11-06 09:00"))
        try h.perform(.evaluate(Evaluation(satisfaction: .satisfied, resolved: true)), on: "WS", at: cst("2026-11-09 10:00"))
        return make(
            name: "01-straight-walk-to-closed",
            description: "A hotline complaint taken in and dispatched to DX on Monday 2 Nov 2026; DX signs, contacts, replies; the workstation accepts the reply and the entity is satisfied. Nothing is concurrent. The 10-working-day deadline runs to the end of Mon 16 Nov (UTC+8).",
            events: h.allEvents,
            expected: [
                "status": "closed", "closure": "satisfied", "lead": "DX", "coUnits": [], "round": 1,
                "deadline": "2026-11-16T16:00:00Z", "reply": "DX#3",
                "supersededEvents": [], "handedOverReplies": [], "eventCount": 7,
            ],
            conflicts: [])
    }

    static func offlineRedispatch() throws -> SyncVector {
        var h = TicketHarness()
        try h.intake(complaint(), on: "WS", at: cst("2026-11-02 09:00"))
        try h.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-11-02 09:30"))
        h.deliver(from: "WS", to: "DX")
        // DX goes offline.
        try h.perform(.sign, on: "DX", at: cst("2026-11-02 10:00"))
        try h.perform(contact, on: "DX", at: cst("2026-11-02 14:00"))
        // Meanwhile the workstation, not having heard from DX, re-dispatches to QX.
        try h.perform(.dispatch(lead: "QX", co: []), on: "WS", at: cst("2026-11-03 09:00"))
        try h.perform(reply, on: "DX", at: cst("2026-11-03 15:00"))
        return make(
            name: "02-offline-redispatch",
            description: "README §6 worked example. DX signs (DX#1) and contacts (DX#2) offline; the workstation, not having seen them, re-dispatches to QX (WS#3); DX, still offline, replies (DX#3). WS#3 is concurrent with DX#1…3. The workstation's assignment stands: lead QX, pending sign, second round, due 10 working days after Tue 3 Nov (end of Tue 17 Nov UTC+8). DX's reply did not change the state (superseded) but is kept and handed over to QX.",
            events: h.allEvents,
            expected: [
                "status": "pendingSign", "lead": "QX", "coUnits": [], "round": 2,
                "deadline": "2026-11-17T16:00:00Z", "signBy": "2026-11-04T16:00:00Z", "reply": nil,
                "supersededEvents": ["DX#3"], "handedOverReplies": ["DX#3"],
            ],
            conflicts: [.init(kind: .handedOverReply, events: ["DX#3", "WS#3"])])
    }

    static func concurrentCorrections() throws -> SyncVector {
        var h = TicketHarness(actors: [Fixtures.workstation, secondWorkstation, Fixtures.dongxing])
        try h.intake(complaint(), on: "WS", at: cst("2026-11-02 09:00"))
        try h.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-11-02 09:30"))
        h.deliver(from: "WS", to: "WS2")
        // Two workstation terminals correct the entity's details without seeing each other's work.
        try h.perform(.correct(field: .phone, value: "0775-4331888"), on: "WS", at: cst("2026-11-02 10:00"))
        try h.perform(.correct(field: .phone, value: "13877500001"), on: "WS2", at: cst("2026-11-02 10:20"))
        try h.perform(.correct(field: .contact, value: "黄小姐"), on: "WS2", at: cst("2026-11-02 10:30"))
        try h.perform(.correct(field: .contact, value: "黄先生"), on: "WS", at: cst("2026-11-02 10:40"))
        return make(
            name: "03-concurrent-corrections",
            description: "Two workstation nodes (WS, WS2) correct the same fields concurrently. phone: WS#3 at 10:00 vs WS2#1 at 10:20, the later hybrid clock (WS2#1) wins. contact: WS2#2 at 10:30 vs WS#4 at 10:40, WS#4 wins. Both corrections of each pair stay in the history; neither is superseded.",
            events: h.allEvents,
            expected: [
                "phone": "13877500001", "contact": "黄先生", "entityName": "港南区好味餐馆",
                "status": "pendingSign", "lead": "DX", "round": 1, "supersededEvents": [], "handedOverReplies": [],
            ],
            conflicts: [.init(kind: .concurrentCorrection, events: ["WS#3", "WS2#1"]),
                        .init(kind: .concurrentCorrection, events: ["WS2#2", "WS#4"])])
    }

    static func returnThenRedispatch() throws -> SyncVector {
        var h = TicketHarness()
        try h.intake(complaint(), on: "WS", at: cst("2026-11-02 09:00"))
        try h.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-11-02 09:30"))
        h.deliver(from: "WS", to: "DX")
        try h.perform(.returnTicket(reason: "该路段不属本镇辖区"), on: "DX", at: cst("2026-11-02 11:00"))
        h.deliver(from: "DX", to: "WS")
        try h.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-11-02 14:00"))
        h.deliver(from: "WS", to: "DX")
        try h.perform(.sign, on: "DX", at: cst("2026-11-02 15:00"))
        return make(
            name: "04-return-then-redispatch-same-unit",
            description: "DX returns the ticket (DX#1); the workstation overrules the return and dispatches it to DX again the same day (WS#3), which counts one overruled return; DX signs (DX#2). Second round, deadline again end of Mon 16 Nov (UTC+8). No concurrency.",
            events: h.allEvents,
            expected: [
                "status": "handling", "lead": "DX", "round": 2, "returnsOverruled": 1,
                "deadline": "2026-11-16T16:00:00Z", "supersededEvents": [], "handedOverReplies": [],
            ],
            conflicts: [])
    }

    static func unsatisfiedTwice() throws -> SyncVector {
        var h = TicketHarness()
        let unsatisfied = TicketCommand.evaluate(Evaluation(satisfaction: .unsatisfied, resolved: false, reasonable: true))
        try h.intake(complaint(), on: "WS", at: cst("2026-11-02 09:00"))
        try h.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-11-02 09:30"))
        h.deliver(from: "WS", to: "DX")
        try h.perform(.sign, on: "DX", at: cst("2026-11-02 10:00"))
        try h.perform(contact, on: "DX", at: cst("2026-11-03 10:00"))
        try h.perform(reply, on: "DX", at: cst("2026-11-04 10:00"))
        h.deliver(from: "DX", to: "WS")
        try h.perform(accept, on: "WS", at: cst("2026-11-04 14:00"))
        try h.perform(unsatisfied, on: "WS", at: cst("2026-11-05 10:00"))
        try h.perform(.dispatch(lead: "QX", co: []), on: "WS", at: cst("2026-11-05 11:00"))
        h.deliver(from: "WS", to: "QX")
        try h.perform(.sign, on: "QX", at: cst("2026-11-05 14:00"))
        try h.perform(contact, on: "QX", at: cst("2026-11-06 10:00"))
        try h.perform(reply, on: "QX", at: cst("2026-11-09 10:00"))
        h.deliver(from: "QX", to: "WS")
        try h.perform(accept, on: "WS", at: cst("2026-11-09 14:00"))
        try h.perform(unsatisfied, on: "WS", at: cst("2026-11-10 10:00"))
        try h.perform(.escalate(lead: "SCJG", co: ["DX"]), on: "WS", at: cst("2026-11-10 11:00"))
        return make(
            name: "05-unsatisfied-twice-then-escalate",
            description: "First round with DX ends unsatisfied (reasonable demand) → pending dispatch; the second dispatch to QX also ends unsatisfied → pending escalation; the office escalates to SCJG as lead with DX as co-unit on Tue 10 Nov: third round, pending sign, due 10 working days later (end of Tue 24 Nov UTC+8).",
            events: h.allEvents,
            expected: [
                "status": "pendingSign", "lead": "SCJG", "coUnits": ["DX"], "round": 3, "escalated": true,
                "unsatisfiedCount": 2, "deadline": "2026-11-24T16:00:00Z", "signBy": "2026-11-11T16:00:00Z",
                "closure": nil, "supersededEvents": [], "handedOverReplies": [],
            ],
            conflicts: [])
    }

    static func batchesOutOfOrder() throws -> SyncVector {
        var h = TicketHarness()
        try h.intake(complaint(), on: "WS", at: cst("2026-11-02 09:00"))
        try h.perform(.dispatch(lead: "DX", co: ["SCJG"]), on: "WS", at: cst("2026-11-02 09:30"))
        h.deliver(from: "WS", to: "DX")
        h.deliver(from: "WS", to: "SCJG")
        try h.perform(.sign, on: "DX", at: cst("2026-11-02 10:00"))
        h.deliver(from: "DX", to: "SCJG")
        // The co-unit and the lead work concurrently.
        try h.perform(.contact(note: "市场监管局电话联系黄老板"), on: "SCJG", at: cst("2026-11-03 09:00"))
        try h.perform(contact, on: "DX", at: cst("2026-11-03 10:00"))
        try h.perform(.progress(note: "已现场核查施工许可"), on: "SCJG", at: cst("2026-11-03 11:00"))
        h.deliver(from: "SCJG", to: "DX")
        try h.perform(reply, on: "DX", at: cst("2026-11-04 10:00"))
        h.deliver(from: "DX", to: "WS")
        h.deliver(from: "SCJG", to: "WS")
        try h.perform(accept, on: "WS", at: cst("2026-11-04 15:00"))
        try h.perform(.evaluate(Evaluation(satisfaction: .basic, resolved: true)), on: "WS", at: cst("2026-11-05 10:00"))
        let events = ordered(h.allEvents)
        // Three batches of three as a replica might pull them, the later ones first: the receiver
        // holds events whose causal predecessors (even the `created` event) are still missing.
        let batches = [[6, 7, 8, 0, 1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8, 0, 1, 2], [8, 5, 2, 7, 4, 1, 6, 3, 0]]
        return make(
            name: "06-batches-out-of-order",
            description: "Lead DX with co-unit SCJG; SCJG's contact and progress note are concurrent with DX's contact. Deliveries include batchings where a later batch arrives before an earlier one (vector-clock gaps at the receiver); every order converges to the same closed ticket.",
            events: events,
            extraDeliveries: batches,
            expected: [
                "status": "closed", "closure": "satisfied", "lead": "DX", "coUnits": ["SCJG"], "round": 1,
                "deadline": "2026-11-16T16:00:00Z", "reply": "DX#3", "supersededEvents": [], "handedOverReplies": [],
                "eventCount": 9,
            ],
            conflicts: [])
    }

    static func extensionAfterOfflineReply() throws -> SyncVector {
        var h = TicketHarness()
        try h.intake(complaint(), on: "WS", at: cst("2026-11-02 09:00"))
        try h.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-11-02 09:30"))
        h.deliver(from: "WS", to: "DX")
        try h.perform(.sign, on: "DX", at: cst("2026-11-02 10:00"))
        try h.perform(.requestExtension(days: 5, reason: "等待住建部门出具意见"), on: "DX", at: cst("2026-11-03 10:00"))
        h.deliver(from: "DX", to: "WS")
        // DX, offline, settles the matter after all and replies; the workstation approves the
        // extension without having seen the reply.
        try h.perform(contact, on: "DX", at: cst("2026-11-04 09:00"))
        try h.perform(reply, on: "DX", at: cst("2026-11-04 10:00"))
        try h.perform(.decideExtension(approve: true, reason: "同意延期"), on: "WS", at: cst("2026-11-04 11:00"))
        return make(
            name: "07-extension-approved-after-offline-reply",
            description: "DX asks for 5 more working days (DX#2); offline, it then contacts and replies (DX#3, DX#4); concurrently the workstation approves the extension (WS#3, new deadline end of Mon 23 Nov). The reply comes first by hybrid clock and closes the request, so the approval finds no pending request: superseded, the deadline stays end of Mon 16 Nov, the ticket waits for review.",
            events: h.allEvents,
            expected: [
                "status": "pendingReview", "lead": "DX", "round": 1, "deadline": "2026-11-16T16:00:00Z",
                "extensionDaysGranted": 0, "pendingExtension": nil, "reply": "DX#4",
                "supersededEvents": ["WS#3"], "handedOverReplies": [],
            ],
            conflicts: [])
    }

    static func extensionBeforeConcurrentReply() throws -> SyncVector {
        var h = TicketHarness()
        try h.intake(complaint(), on: "WS", at: cst("2026-11-02 09:00"))
        try h.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-11-02 09:30"))
        h.deliver(from: "WS", to: "DX")
        try h.perform(.sign, on: "DX", at: cst("2026-11-02 10:00"))
        try h.perform(.requestExtension(days: 5, reason: "等待住建部门出具意见"), on: "DX", at: cst("2026-11-03 10:00"))
        h.deliver(from: "DX", to: "WS")
        try h.perform(.decideExtension(approve: true, reason: "同意延期"), on: "WS", at: cst("2026-11-04 09:00"))
        // DX has not seen the approval yet.
        try h.perform(contact, on: "DX", at: cst("2026-11-04 09:30"))
        try h.perform(reply, on: "DX", at: cst("2026-11-04 10:00"))
        return make(
            name: "08-extension-approved-before-concurrent-reply",
            description: "As 07, but the workstation approves the 5-day extension (WS#3) before DX's concurrent contact and reply by hybrid clock: the deadline moves from end of Mon 16 Nov to end of Mon 23 Nov (5 working days after 16 Nov), then the reply puts the ticket under review. Nothing is superseded.",
            events: h.allEvents,
            expected: [
                "status": "pendingReview", "lead": "DX", "round": 1, "deadline": "2026-11-23T16:00:00Z",
                "extensionDaysGranted": 5, "pendingExtension": nil, "reply": "DX#4",
                "supersededEvents": [], "handedOverReplies": [],
            ],
            conflicts: [])
    }

    static func offlineReplyBeforeRedispatch() throws -> SyncVector {
        var h = TicketHarness()
        try h.intake(complaint(), on: "WS", at: cst("2026-11-02 09:00"))
        try h.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-11-02 09:30"))
        h.deliver(from: "WS", to: "DX")
        try h.perform(.sign, on: "DX", at: cst("2026-11-02 10:00"))
        try h.perform(contact, on: "DX", at: cst("2026-11-02 14:00"))
        try h.perform(reply, on: "DX", at: cst("2026-11-02 16:00"))
        // The workstation has not received any of DX's work.
        try h.perform(.dispatch(lead: "QX", co: []), on: "WS", at: cst("2026-11-03 09:00"))
        return make(
            name: "09-offline-reply-before-redispatch",
            description: "README §6 with the other interleaving: DX's offline reply (DX#3) precedes the workstation's concurrent re-dispatch to QX (WS#3) by hybrid clock. Per README §6 ('the result is the same either way') and DESIGN §5 ('the workstation's authority decides assignment'), the re-dispatch stands: lead QX, pending sign, due end of Tue 17 Nov; DX's reply is handed over to QX. supersededEvents is deliberately not specified.",
            events: h.allEvents,
            expected: [
                "status": "pendingSign", "lead": "QX", "round": 2, "deadline": "2026-11-17T16:00:00Z",
                "handedOverReplies": ["DX#3"],
            ],
            conflicts: [.init(kind: .handedOverReply, events: ["DX#3", "WS#3"])])
    }

    // MARK: - Assembly

    /// Events in the order they happened: by hybrid clock, ties by id (a causal order).
    static func ordered(_ events: [TicketEvent]) -> [TicketEvent] {
        SignedChain.linked(events).sorted { ($0.hlc, $0.id) < ($1.hlc, $1.id) }
    }

    // MARK: - Refusals (1.4)

    static func returnAfterContactRefused() throws -> SyncVector {
        var h = TicketHarness()
        try h.intake(complaint(), on: "WS", at: cst("2026-11-02 09:00"))
        try h.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-11-02 09:30"))
        h.deliver(from: "WS", to: "DX")
        try h.perform(.sign, on: "DX", at: cst("2026-11-02 10:00"))
        try h.perform(contact, on: "DX", at: cst("2026-11-03 10:00"))
        h.forge(.returned(reason: "不属于本镇管辖"), on: "DX", at: cst("2026-11-17 09:00"))
        return make(
            name: "10-return-after-contact-refused",
            description: "DX signs and contacts the entity (handling has started), then — a day past its deadline — forges a return (DX#3), which its decider would refuse. The hub refuses the push with rule_violation naming return.before-handling; a replica that got the event by another path ignores it: the ticket stays with DX, handling, overdue as before.",
            events: h.allEvents,
            expected: [
                "status": "handling", "lead": "DX", "round": 1, "deadline": "2026-11-16T16:00:00Z",
                "refusedEvents": ["DX#3"], "supersededEvents": [], "eventCount": 5,
            ],
            conflicts: [],
            refused: [.init(event: "DX#3", code: "rule_violation", rule: "return.before-handling")])
    }

    static func unitRewritesTheRecordRefused() throws -> SyncVector {
        var h = TicketHarness()
        try h.intake(complaint(), on: "WS", at: cst("2026-11-02 09:00"))
        try h.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-11-02 09:30"))
        h.deliver(from: "WS", to: "DX")
        try h.perform(.sign, on: "DX", at: cst("2026-11-02 10:00"))
        h.forge(.corrected(field: .category, value: "consult"), on: "DX", at: cst("2026-11-02 11:00"))
        h.forge(.replied(result: "已办结", resolved: true), on: "DX", at: cst("2026-11-02 11:30"))
        return make(
            name: "11-unit-rewrites-the-record-refused",
            description: "DX, the lead, forges a correction turning the complaint into a consultation (DX#2: only the workstation, or the creating unit before dispatch, corrects) and a reply without any recorded contact (DX#3). Both are refused by the hub (correct.by, reply.after-contact) and ignored by every fold: a complaint, handling, due Mon 16 Nov.",
            events: h.allEvents,
            expected: [
                "status": "handling", "category": "complaint", "lead": "DX", "reply": nil,
                "deadline": "2026-11-16T16:00:00Z", "refusedEvents": ["DX#2", "DX#3"], "eventCount": 5,
            ],
            conflicts: [],
            refused: [.init(event: "DX#2", code: "rule_violation", rule: "correct.by"),
                      .init(event: "DX#3", code: "rule_violation", rule: "reply.after-contact")])
    }

    static func forgedDeadlineNotTaken() throws -> SyncVector {
        var h = TicketHarness()
        try h.intake(complaint(), on: "WS", at: cst("2026-11-02 09:00"))
        let far = cst("2099-12-31 24:00")
        h.forge(.dispatched(Assignment(lead: "DX", signBy: far, deadline: far)), on: "WS", at: cst("2026-11-02 09:30"))
        return make(
            name: "12-derived-deadline-not-taken",
            description: "A dispatch whose event carries a deadline and signing limit in 2099 (WS#2). Derived values are never taken from an event: every fold computes them from the policy and the event's time — signing by the end of Tue 3 Nov, due at the end of Mon 16 Nov (UTC+8). Nothing is refused: the carried values are simply not used.",
            events: h.allEvents,
            expected: [
                "status": "pendingSign", "lead": "DX", "deadline": "2026-11-16T16:00:00Z", "signBy": "2026-11-03T16:00:00Z",
                "refusedEvents": [],
            ],
            conflicts: [])
    }

    static func backdatedSignRefused() throws -> SyncVector {
        var h = TicketHarness()
        try h.intake(complaint(), on: "WS", at: cst("2026-11-02 09:00"))
        try h.perform(.dispatch(lead: "DX", co: []), on: "WS", at: cst("2026-11-02 09:30"))
        h.deliver(from: "WS", to: "DX")
        // DX syncs on Thu 5 Nov 09:00, past its signing limit (end of Tue 3 Nov), holding no event of its own:
        // the hub records the clock it read. At 10:00 DX signs, stamping the sign Tue 3 Nov 10:00.
        h.forge(.signed, on: "DX", at: cst("2026-11-03 10:00"))
        return make(
            name: "13-backdated-sign-refused",
            description: "The ticket is dispatched to DX on Mon 2 Nov, to be signed by the end of Tue 3 Nov. DX does not sign in time; on Thu 5 Nov 09:00 it syncs and reads the hub's clock, its last seq then 0 (clockFloors). An hour later it signs, stamping the sign (DX#1) Tue 3 Nov 10:00 — before its limit, so it would count as signed in time. The hub refuses the push with clock_behind naming stamp.clock-floor: DX's clock had passed Thu 5 Nov 09:00 before it made the event. The event never leaves DX: every replica folds the ticket without it — pending signature, past its limit.",
            events: h.allEvents,
            expected: [
                "status": "pendingSign", "lead": "DX", "signBy": "2026-11-03T16:00:00Z", "deadline": "2026-11-16T16:00:00Z",
                "refusedEvents": [], "eventCount": 2,
            ],
            conflicts: [],
            refused: [.init(event: "DX#1", code: "clock_behind", rule: "stamp.clock-floor")],
            clockFloors: ["DX": [.init(afterSeq: 0, hlc: HybridTimestamp(cst("2026-11-05 09:00")))]])
    }

    static func make(name: String, description: String, events: [TicketEvent], extraDeliveries: [[Int]] = [],
                     expected: [String: JSONValue], conflicts: [SyncVector.Conflict],
                     refused: [SyncVector.Refusal]? = nil, clockFloors: [String: [SyncVector.FloorStep]]? = nil) -> SyncVector {
        let events = ordered(events)
        let natural = Array(events.indices)
        // Origin by origin, origins in descending code order, each origin's events in seq order.
        let byOrigin = events.indices.sorted {
            (events[$0].id.origin, events[$1].id.seq) > (events[$1].id.origin, events[$0].id.seq)
        }
        let evensThenOdds = natural.filter { $0 % 2 == 0 } + natural.filter { $0 % 2 == 1 }
        return SyncVector(name: name, description: description, events: events,
                          deliveries: [natural, natural.reversed(), byOrigin, evensThenOdds] + extraDeliveries,
                          expected: expected, conflicts: conflicts, refused: refused, clockFloors: clockFloors)
    }
}
