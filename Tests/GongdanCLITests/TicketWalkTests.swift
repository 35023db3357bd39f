import Foundation
import Testing
import GongdanTesting

/// Whole life cycles driven through the `gongdan` binary.
@Suite("Ticket walks through the gongdan command")
struct TicketWalkTests {
    @Test("a hotline complaint walks through every stage across the workstation and a township replica")
    func walkAcrossNodes() throws {
        let directory = try TemporaryDirectory("cli-walk")
        defer { directory.remove() }
        // Given a workstation and the 东兴镇 township replica.
        let ws = try GongdanProcess.workstation(in: directory)
        let dx = try GongdanProcess.township(in: directory)

        // When the workstation takes in a hotline complaint and dispatches it to DX with QX as co-unit.
        let code = try ws.newHotlineComplaint()
        #expect(code == "WS-26-0001")
        let dispatched = try ws.ok(["ticket", "dispatch", code, "--to", "DX", "--co", "QX"])
        // Then it says where it went, the signing limit and the deadline (10 working days over National Day).
        #expect(dispatched.contains("已分办 WS-26-0001 → 东兴镇（DX）"))
        #expect(dispatched.contains("签收期限 2026-09-29 24:00"))
        #expect(dispatched.contains("办结期限 2026-10-16 24:00"))
        #expect(dispatched.contains("待签收"))

        // When the ticket reaches DX (carried by hand: sync does not exist yet), DX signs, contacts,
        // records progress and asks for an extension.
        try ws.carry(code, to: dx)
        #expect(try dx.ok(["ticket", "sign", code], now: "2026-09-29T10:00:00+08:00").contains("办理中"))
        try dx.ok(["ticket", "contact", code, "--note", "电话联系黄老板"], now: "2026-09-29T11:00:00+08:00")
        try dx.ok(["ticket", "progress", code, "--note", "约谈施工方"], now: "2026-09-30T09:00:00+08:00")
        let extend = try dx.ok(["ticket", "extend", code, "--days", "3", "--reason", "施工方需协调"], now: "2026-10-09T09:00:00+08:00")
        #expect(extend.contains("3 个工作日"))

        // And the workstation approves it: the deadline moves 3 working days.
        try dx.carry(code, to: ws)
        let approved = try ws.ok(["ticket", "decide-extension", code, "--approve"], now: "2026-10-09T15:00:00+08:00")
        #expect(approved.contains("新办结期限 2026-10-21 24:00"))

        // And DX replies; the workstation rejects the reply as non-standard; DX replies again.
        try ws.carry(code, to: dx)
        try dx.ok(["ticket", "reply", code, "--result", "已督促施工方恢复通行", "--unresolved"], now: "2026-10-12T09:00:00+08:00")
        try dx.carry(code, to: ws)
        let rejected = try ws.ok(["ticket", "review", code, "--reject", "--reason", "未说明完工时间"], now: "2026-10-12T15:00:00+08:00")
        #expect(rejected.contains("办理中"))
        try ws.carry(code, to: dx)
        try dx.ok(["ticket", "reply", code, "--result", "施工方承诺10月20日完工并拆除围挡", "--resolved"], now: "2026-10-13T09:00:00+08:00")
        try dx.carry(code, to: ws)

        // And the workstation accepts it and records the entity's evaluation.
        #expect(try ws.ok(["ticket", "review", code, "--accept"], now: "2026-10-13T15:00:00+08:00").contains("待评价"))
        let evaluated = try ws.ok(["ticket", "evaluate", code, "--satisfied", "--note", "满意"], now: "2026-10-14T09:00:00+08:00")

        // Then the ticket is closed, and both replicas agree on its history so far.
        #expect(evaluated.contains("满意"))
        #expect(evaluated.contains("已办结"))
        let shown = try ws.ok(["ticket", "show", code])
        for label in ["受理", "分办", "签收", "联系", "进展", "申请延期", "延期审批", "办结申请", "审核", "评价"] {
            #expect(shown.contains(label), "timeline lacks \(label)")
        }
        #expect(shown.contains(#/牵头单位：\s*东兴镇（DX）/#))
        #expect(shown.contains(#/协办单位：\s*桥圩镇（QX）/#))
        #expect(shown.contains(#/状态：\s*已办结/#))
        #expect(try ws.eventCount(code) == 12)
        #expect(try ws.run(["check"]).status == 0)
        #expect(try dx.run(["check"]).status == 0)
    }

    @Test("a township keeps its own walk-in and handles it without dispatch or signing")
    func townshipKeepsWalkIn() throws {
        let directory = try TemporaryDirectory("cli-keep")
        defer { directory.remove() }
        // Given the 东兴镇 township replica.
        let dx = try GongdanProcess.township(in: directory)

        // When it takes in a walk-in with --keep.
        let created = try dx.ok(["ticket", "new", "--category", "help", "--source", "window", "--entity", "好味餐馆",
                                 "--summary", "门前积水", "--keep"])
        // Then it is handling it at once, with a 5-working-day deadline from intake (the Saturday 10-10 is worked).
        #expect(created.contains("DX-26-0001"))
        // and no query code: the unit never holds one; the workstation revisits the entity (docs/evaluation.md)
        #expect(!created.contains("查询码") && created.contains("回访"))
        #expect(created.contains("办理中"))
        #expect(created.contains("办结期限 2026-10-10 24:00"))

        // When it contacts the entity, records progress, asks for an extension, refers and replies.
        try dx.ok(["ticket", "contact", "DX-26-0001", "--note", "上门查看"])
        try dx.ok(["ticket", "progress", "DX-26-0001", "--note", "已联系排水所"])
        try dx.ok(["ticket", "extend", "DX-26-0001", "--days", "2", "--reason", "等待排水所"])
        try dx.ok(["ticket", "refer", "DX-26-0001", "--note", "涉及排水所与住建局"])
        let replied = try dx.ok(["ticket", "reply", "DX-26-0001", "--result", "已疏通", "--resolved"])

        // Then the reply waits for the workstation's review.
        #expect(replied.contains("待审核"))
        let shown = try dx.ok(["ticket", "show", "DX-26-0001"])
        #expect(shown.contains(#/状态：\s*待审核/#))
        #expect(shown.contains("提请协调"))
        #expect(try dx.eventCount("DX-26-0001") == 6)
    }

    @Test("the office escalates a ticket with a designated lead and closes it")
    func escalateAndClose() throws {
        let directory = try TemporaryDirectory("cli-escalate")
        defer { directory.remove() }
        // Given a hotline complaint waiting for dispatch on the workstation.
        let ws = try GongdanProcess.workstation(in: directory)
        let code = try ws.newHotlineComplaint()

        // When the office escalates it with SCJG leading and DX co-handling, then closes it.
        let escalated = try ws.ok(["ticket", "escalate", code, "--lead", "SCJG", "--co", "DX"])
        let closed = try ws.ok(["ticket", "close", code, "--reason", "专责组协调后办结"])

        // Then both steps are reported and the ticket is closed.
        #expect(escalated.contains("已提级办理"))
        #expect(escalated.contains("区市场监管局（SCJG）"))
        #expect(closed.contains("已办结"))
        #expect(try ws.ok(["ticket", "show", code]).contains("提级办理"))
    }

    @Test("the workstation corrects an intake field and merges a duplicate")
    func correctAndMerge() throws {
        let directory = try TemporaryDirectory("cli-merge")
        defer { directory.remove() }
        // Given two intakes of the same matter.
        let ws = try GongdanProcess.workstation(in: directory)
        let first = try ws.newHotlineComplaint()
        let second = try ws.newHotlineComplaint(entity: "好味餐馆")

        // When the second's entity name is corrected and it is merged into the first.
        let corrected = try ws.ok(["ticket", "correct", second, "--field", "entityName", "--value", "港南区好味餐馆"])
        let merged = try ws.ok(["ticket", "merge", second, "--into", first])

        // Then the correction and the merge are recorded.
        #expect(corrected.contains("港南区好味餐馆"))
        #expect(merged.contains("已合并"))
        let json = try ws.run(["ticket", "show", second, "--json"]).json()
        let ticket = try #require(json["ticket"] as? [String: Any])
        #expect(ticket["mergedInto"] as? String == first)
        #expect((ticket["entity"] as? [String: Any])?["name"] as? String == "港南区好味餐馆")
    }

    @Test("a consultation answered at intake goes straight to evaluation")
    func consultAnsweredAtIntake() throws {
        let directory = try TemporaryDirectory("cli-consult")
        defer { directory.remove() }
        // Given the workstation.
        let ws = try GongdanProcess.workstation(in: directory)

        // When a walk-in consultation is answered at the window, and the entity is revisited.
        let created = try ws.ok(["ticket", "new", "--category", "consult", "--source", "window", "--entity", "某公司",
                                 "--summary", "如何办理食品经营许可", "--answer", "已告知办理流程"])
        let evaluated = try ws.ok(["ticket", "evaluate", "WS-26-0001", "--basic"])

        // Then it was waiting for evaluation and is now closed.
        #expect(created.contains("待评价"))
        #expect(evaluated.contains("基本满意"))
        #expect(evaluated.contains("已办结"))
    }
}
