import Foundation
import Testing
import GongdanTesting

/// Exit codes: 0 success, 1 refused or invalid input, 2 usage.
@Suite("Refusals and exit codes")
struct ExitCodeTests {
    @Test("a refused action exits 1, names the ticket, its status and the next command, and changes nothing")
    func refusedAction() throws {
        let directory = try TemporaryDirectory("cli-refused")
        defer { directory.remove() }
        // Given a complaint waiting for dispatch.
        let ws = try GongdanProcess.workstation(in: directory)
        let code = try ws.newHotlineComplaint()
        let before = try ws.eventCount(code)

        // When the workstation tries to review it.
        let result = try ws.run(["ticket", "review", code, "--accept"])

        // Then it is refused with the status and what to do instead, and nothing was recorded.
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("工单 \(code) 当前状态为「待分办」，不能「审核」"))
        #expect(result.stderr.contains("gongdan ticket dispatch \(code) --to UNIT"))
        #expect(try ws.eventCount(code) == before)
    }

    @Test("a reply before any recorded contact is refused with the contact command")
    func replyWithoutContact() throws {
        let directory = try TemporaryDirectory("cli-refused-reply")
        defer { directory.remove() }
        // Given a township's kept walk-in with no contact yet.
        let dx = try GongdanProcess.township(in: directory)
        try dx.ok(["ticket", "new", "--category", "help", "--source", "window", "--entity", "好味餐馆", "--summary", "积水", "--keep"])

        // When it replies in English and in Chinese.
        let en = try dx.run(["ticket", "reply", "DX-26-0001", "--result", "done", "--resolved", "--lang", "en"])
        let zh = try dx.run(["ticket", "reply", "DX-26-0001", "--result", "done", "--resolved"])

        // Then both are refused and point at `ticket contact`.
        #expect(en.status == 1 && zh.status == 1)
        #expect(en.stderr.contains("gongdan ticket contact DX-26-0001"))
        #expect(zh.stderr.contains("不能「回复」") && zh.stderr.contains("gongdan ticket contact DX-26-0001"))
        #expect(try dx.eventCount("DX-26-0001") == 1)
    }

    @Test("a unit action on the workstation is refused for its role")
    func roleRefused() throws {
        let directory = try TemporaryDirectory("cli-role")
        defer { directory.remove() }
        // Given a dispatched complaint on the workstation.
        let ws = try GongdanProcess.workstation(in: directory)
        let code = try ws.newHotlineComplaint()
        try ws.ok(["ticket", "dispatch", code, "--to", "DX"])

        // When the workstation tries to sign it.
        let result = try ws.run(["ticket", "sign", code])

        // Then the role is refused.
        #expect(result.status == 1)
        #expect(result.stderr.contains("「工作站」节点不能「签收」工单"))
    }

    @Test("bad usage exits 2 with the usage")
    func badUsage() throws {
        let directory = try TemporaryDirectory("cli-usage")
        defer { directory.remove() }
        let ws = try GongdanProcess.workstation(in: directory)

        // When flags are unknown, missing, invalid or contradictory.
        let unknownFlag = try ws.run(["ticket", "list", "--bogus"])
        let missing = try ws.run(["ticket", "new", "--category", "help"])
        let invalidValue = try ws.run(["ticket", "list", "--status", "lost"])
        let both = try ws.run(["ticket", "review", "WS-26-0001", "--accept", "--reject"])
        let rejectWithoutReason = try ws.run(["ticket", "review", "WS-26-0001", "--reject"])
        let noVerb = try ws.run(["ticket", "frobnicate"])

        // Then each exits 2 with usage on standard error (in Chinese, the default language).
        for result in [unknownFlag, missing, invalidValue, both, rejectWithoutReason, noVerb] {
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("错误："), "\(result.stderr)")
        }
        #expect(both.stderr.contains("不能同时使用"), "\(both.stderr)")
        // And help is not an error.
        let help = try ws.run(["ticket", "--help"])
        #expect(help.status == 0 && help.stdout.contains("dispatch"))
    }

    @Test("an unknown ticket exits 1")
    func unknownTicket() throws {
        let directory = try TemporaryDirectory("cli-unknown")
        defer { directory.remove() }
        let ws = try GongdanProcess.workstation(in: directory)

        // When a ticket that does not exist is signed for or shown.
        let shown = try ws.run(["ticket", "show", "WS-26-0042"])
        let dispatched = try ws.run(["ticket", "dispatch", "ws-26-0042", "--to", "DX"])

        // Then both exit 1 naming the code.
        #expect(shown.status == 1 && shown.stderr.contains("WS-26-0042"))
        #expect(dispatched.status == 1 && dispatched.stderr.contains("WS-26-0042"))
    }

    @Test("a hotline intake without --hotline-received-at is refused, and a bad time names the accepted forms")
    func hotlineNeedsReceivedAt() throws {
        let directory = try TemporaryDirectory("cli-hotline")
        defer { directory.remove() }
        let ws = try GongdanProcess.workstation(in: directory)
        let base = ["ticket", "new", "--category", "complaint", "--source", "hotline", "--entity", "某店", "--summary", "施工"]

        // When the time is missing, or malformed.
        let missing = try ws.run(base)
        let malformed = try ws.run(base + ["--hotline-received-at", "yesterday"])
        let cst = try ws.run(base + ["--hotline-received-at", "2026-09-28 08:00"])

        // Then the first two exit 1 and say what is needed; a CST wall-clock time is accepted.
        #expect(missing.status == 1 && missing.stderr.contains("--hotline-received-at"))
        #expect(malformed.status == 1 && malformed.stderr.contains("2026-10-08T09:00:00+08:00"))
        #expect(malformed.stderr.contains("2026-10-08 09:00"))
        #expect(cst.status == 0)
        #expect(try ws.run(["ticket", "list", "--json"]).json()["total"] as? Int == 1)
    }

    @Test("an unknown unit is refused with how to add it")
    func unknownUnit() throws {
        let directory = try TemporaryDirectory("cli-unit")
        defer { directory.remove() }
        let ws = try GongdanProcess.workstation(in: directory)
        let code = try ws.newHotlineComplaint()

        // When the ticket is dispatched to a unit not in the directory.
        let result = try ws.run(["ticket", "dispatch", code, "--to", "ZZ"])

        // Then it exits 1 and points at `unit add`.
        #expect(result.status == 1)
        #expect(result.stderr.contains("gongdan unit add ZZ"))
    }

    @Test("a command on a replica that was never initialised exits 1 with the init command and creates nothing")
    func notInitialised() throws {
        let directory = try TemporaryDirectory("cli-uninit")
        defer { directory.remove() }
        let node = GongdanProcess(directory, replica: "none.sqlite")

        // When the work list is asked for.
        let result = try node.run(["ticket", "list"])

        // Then it says how to initialise, and no replica file appeared.
        #expect(result.status == 1)
        #expect(result.stderr.contains("gongdan init --role"))
        #expect(!FileManager.default.fileExists(atPath: node.db))
    }

    @Test("an invalid GONGDAN_NOW is a clear error")
    func invalidNow() throws {
        let directory = try TemporaryDirectory("cli-now")
        defer { directory.remove() }
        let ws = try GongdanProcess.workstation(in: directory)

        // When GONGDAN_NOW is not a time.
        let result = try ws.run(["status"], now: "next tuesday")

        // Then it exits 1 naming the variable and the accepted forms.
        #expect(result.status == 1)
        #expect(result.stderr.contains("GONGDAN_NOW") && result.stderr.contains("2026-10-08T09:00:00+08:00"))
    }
}
