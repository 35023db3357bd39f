import Foundation
import Testing
import GongdanTesting

/// The work list, the clock, `status` and `check`.
@Suite("Work list, clock and replica health")
struct WorkListTests {
    @Test("ticket list shows open tickets by default with their summary and signing limit; --all and --status show the rest")
    func openTicketsByDefault() throws {
        let directory = try TemporaryDirectory("cli-open-list")
        defer { directory.remove() }
        // Given a consultation answered on the spot and evaluated (closed) and a complaint dispatched to DX
        let ws = try GongdanProcess.workstation(in: directory)
        try ws.ok(["ticket", "new", "--category", "consult", "--source", "window", "--entity", "港南区五金店",
                   "--summary", "营业执照变更需要哪些材料", "--answer", "带上原执照和股东决议到政务中心办理"])
        try ws.ok(["ticket", "evaluate", "WS-26-0001", "--satisfied"])
        let code = try ws.newHotlineComplaint()
        try ws.ok(["ticket", "dispatch", code, "--to", "DX"])

        // When the clerk lists tickets, then asks for all, then for 待签收 in Chinese
        let open = try ws.run(["ticket", "list", "--json"]).json()
        let all = try ws.run(["ticket", "list", "--all", "--json"]).json()
        let pending = try ws.run(["ticket", "list", "--status", "待签收", "--json"]).json()

        // Then only the open complaint is listed by default, both with --all, the complaint for 待签收
        #expect(open["total"] as? Int == 1 && all["total"] as? Int == 2)
        #expect(((open["tickets"] as? [[String: Any]])?.first?["code"] as? String) == code)
        #expect(pending["total"] as? Int == 1)
        // and the text shows the summary and the signing limit, and says closed ones are left out
        let text = try ws.ok(["ticket", "list"])
        #expect(text.contains("诉求") && text.contains("签收时限") && text.contains("--all 含已办结"), "\(text)")
    }

    @Test("ticket list --overdue finds a ticket once GONGDAN_NOW is past its deadline")
    func overdueAfterDeadline() throws {
        let directory = try TemporaryDirectory("cli-overdue")
        defer { directory.remove() }
        // Given a complaint dispatched on 2026-09-28, due 2026-10-16 24:00.
        let ws = try GongdanProcess.workstation(in: directory)
        let code = try ws.newHotlineComplaint()
        try ws.ok(["ticket", "dispatch", code, "--to", "DX"])

        // When the overdue list is asked for before and after the deadline.
        let before = try ws.run(["ticket", "list", "--overdue", "--json"], now: "2026-10-16T23:59:00+08:00").json()
        let after = try ws.run(["ticket", "list", "--overdue", "--json"], now: "2026-10-17T00:00:00+08:00").json()
        let text = try ws.ok(["ticket", "list", "--overdue"], now: "2026-10-19T09:00:00+08:00")

        // Then only the later clock finds it, flagged overdue.
        #expect(before["total"] as? Int == 0)
        #expect(after["total"] as? Int == 1)
        let ticket = try #require((after["tickets"] as? [[String: Any]])?.first)
        #expect(ticket["code"] as? String == code)
        #expect(ticket["overdue"] as? Bool == true)
        #expect(text.contains(code) && text.contains("超期"))
    }

    @Test("--due-within counts working days from now")
    func dueWithin() throws {
        let directory = try TemporaryDirectory("cli-due")
        defer { directory.remove() }
        // Given a complaint due 2026-10-16 24:00.
        let ws = try GongdanProcess.workstation(in: directory)
        let code = try ws.newHotlineComplaint()
        try ws.ok(["ticket", "dispatch", code, "--to", "DX"])

        // When tickets due within 2 working days are listed on 2026-10-13 and on 2026-10-15.
        let early = try ws.run(["ticket", "list", "--due-within", "2", "--json"], now: "2026-10-13T09:00:00+08:00").json()
        let late = try ws.run(["ticket", "list", "--due-within", "2", "--json"], now: "2026-10-15T09:00:00+08:00").json()

        // Then only the later day lists it.
        #expect(early["total"] as? Int == 0)
        #expect(late["total"] as? Int == 1)
    }

    @Test("the list shows how many tickets matched and how many are shown")
    func listFooter() throws {
        let directory = try TemporaryDirectory("cli-footer")
        defer { directory.remove() }
        let ws = try GongdanProcess.workstation(in: directory)
        for index in 1...3 { try ws.newHotlineComplaint(entity: "商户\(index)") }

        // When the list is limited to 2, and then unlimited, and then filtered by unit.
        let limited = try ws.ok(["ticket", "list", "--limit", "2"])
        let all = try ws.ok(["ticket", "list", "--limit", "0"])
        let byUnit = try ws.ok(["ticket", "list", "--unit", "DX"])

        // Then the footer says so.
        #expect(limited.contains("共 3 条未办结，显示 2 条（--limit 0 显示全部）"))
        #expect(all.contains("共 3 条未办结，显示 3 条"))
        #expect(byUnit.contains("共 0 条未办结，显示 0 条"))
    }

    @Test("GONGDAN_NOW fixes the clock events are recorded with")
    func fixedClock() throws {
        let directory = try TemporaryDirectory("cli-clock")
        defer { directory.remove() }
        // Given the workstation.
        let ws = try GongdanProcess.workstation(in: directory)

        // When a ticket is taken in at a fixed time given in UTC.
        try ws.ok(["ticket", "new", "--category", "help", "--source", "online", "--entity", "某店", "--summary", "咨询补贴"],
                  now: "2026-11-02T06:30:00Z")
        let json = try ws.run(["ticket", "show", "WS-26-0001", "--json"]).json()
        let text = try ws.ok(["ticket", "show", "WS-26-0001"])

        // Then the ticket was created then, and shows in China Standard Time.
        #expect((json["ticket"] as? [String: Any])?["createdAt"] as? String == "2026-11-02T06:30:00Z")
        #expect(text.contains("2026-11-02 14:30"))
    }

    @Test("status shows the node, its replica and the ticket counts")
    func status() throws {
        let directory = try TemporaryDirectory("cli-status")
        defer { directory.remove() }
        let ws = try GongdanProcess.workstation(in: directory)
        try ws.newHotlineComplaint()

        // When status is shown.
        let text = try ws.ok(["status"])

        // Then it names the node, the replica and counts by status.
        #expect(text.contains("节点：WS 港南区工作站（工作站）"))
        #expect(text.contains(ws.db))
        #expect(text.contains("待分办：1"))
        #expect(text.contains("2026"))
    }

    @Test("check exits 0 on a sound replica")
    func checkSound() throws {
        let directory = try TemporaryDirectory("cli-check")
        defer { directory.remove() }
        // Given a replica with some history.
        let ws = try GongdanProcess.workstation(in: directory)
        let code = try ws.newHotlineComplaint()
        try ws.ok(["ticket", "dispatch", code, "--to", "DX"])

        // When it is checked.
        let result = try ws.run(["check"])

        // Then it is sound.
        #expect(result.status == 0)
        #expect(result.stdout.contains("副本完好"))
    }

    @Test("unit list shows the directory with kinds")
    func unitList() throws {
        let directory = try TemporaryDirectory("cli-units")
        defer { directory.remove() }
        let ws = try GongdanProcess.workstation(in: directory)

        // When the directory is listed in English.
        let text = try ws.ok(["unit", "list", "--lang", "en"])

        // Then every unit is there with its kind.
        #expect(text.contains("DX") && text.contains("东兴镇") && text.contains("township"))
        #expect(text.contains("SCJG") && text.contains("department"))
    }
}
