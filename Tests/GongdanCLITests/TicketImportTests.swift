import Foundation
import Testing
import GongdanTesting

/// `gongdan ticket import` and `gongdan hub intake-token`, as whole command lines.
@Suite("Importing a 12345 hotline export")
struct TicketImportTests {
    static let header = "order_number,received_at,category,entity,credit_code,contact,phone,summary,detail"

    /// Two good rows, one with a quoted comma and a line break, CRLF line ends and a BOM.
    static let goodFile = "\u{FEFF}" + [
        header,
        #"GX12345-0001,2026-09-27 16:00,投诉,港南区好味餐馆,91350100M000100Y43,黄老板,0775-4331430,"门店前道路施工, 三个月未完工","施工围挡遮挡店面，"#,
        #"顾客无法进店。""#,
        "GX12345-0002,2026-09-28T08:00:00+08:00,consult,港南区某五金店,,,,咨询营业执照变更流程,",
    ].joined(separator: "\r\n") + "\r\n"

    func write(_ text: String, _ name: String, in directory: TemporaryDirectory) throws -> String {
        let path = directory.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a good export imports every row, and importing it again reports every row as existing")
    func importThenReimport() throws {
        let directory = try TemporaryDirectory("cli-import")
        defer { directory.remove() }
        // Given a workstation and a hotline export
        let ws = try GongdanProcess.workstation(in: directory)
        let file = try write(Self.goodFile, "12345.csv", in: directory)

        // When it imports the file
        let first = try ws.run(["ticket", "import", file, "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let created = try first.json()["created"] as? [[String: Any]] ?? []

        // Then each row became a ticket, in file order, with its line and order number
        #expect(created.map { $0["ticket"] as? String } == ["WS-26-0001", "WS-26-0002"])
        #expect(created.map { $0["line"] as? Int } == [2, 4])
        #expect(created.map { $0["order"] as? String } == ["GX12345-0001", "GX12345-0002"])
        let shown = try ws.run(["ticket", "show", "WS-26-0001", "--json"]).json()
        let intake = shown["ticket"] as? [String: Any] ?? shown
        #expect("\(intake)".contains("门店前道路施工, 三个月未完工"))

        // When the same file is imported again
        let again = try ws.ok(["ticket", "import", file])

        // Then nothing new is taken in and every row is reported existing
        #expect(again.contains("新建 0 件，已存在 2 件"))
        #expect(again.contains("第 2 行 工单号 GX12345-0001 → WS-26-0001（已存在）"))
        let list = try ws.run(["ticket", "list", "--json"]).json()
        #expect((list["tickets"] as? [Any])?.count == 2)
    }

    @Test("a row received more than 30 days before the clock, or in the future, is refused naming received_at; nothing is imported")
    func implausibleReceiptTimes() throws {
        let directory = try TemporaryDirectory("cli-import-received")
        defer { directory.remove() }
        let ws = try GongdanProcess.workstation(in: directory)
        // Given an export (the clock is 2026-09-28 09:00) with a row of 1999 and one of tomorrow
        let file = try write([
            Self.header,
            "GX-1,2026-09-27 16:00,投诉,港南区好味餐馆,,,,道路施工未完工,",
            "GX-2,1999-09-27 17:00,求助,某五金店,,,,求助事项,",
            "GX-3,2026-09-29 09:00,咨询,某食品店,,,,咨询事项,",
        ].joined(separator: "\n"), "old.csv", in: directory)
        let result = try ws.run(["ticket", "import", file])
        #expect(result.status == 1 && result.stderr.contains("未导入任何工单"))
        #expect(result.stderr.contains("第 3 行（工单号 GX-2）：received_at（受理时间）") && result.stderr.contains("30 天"))
        #expect(result.stderr.contains("第 4 行（工单号 GX-3）：received_at（受理时间）") && result.stderr.contains("晚于当前时间"))
        let list = try ws.run(["ticket", "list", "--json"]).json()
        #expect((list["tickets"] as? [Any])?.isEmpty == true)
    }

    @Test("a file with one bad row imports nothing and names the line")
    func oneBadRowImportsNothing() throws {
        let directory = try TemporaryDirectory("cli-import-bad")
        defer { directory.remove() }
        let ws = try GongdanProcess.workstation(in: directory)
        // Given an export whose third row has a credit code with a wrong check character
        let file = try write([
            Self.header,
            "GX-1,2026-09-27 16:00,投诉,港南区好味餐馆,,,,道路施工未完工,",
            "GX-2,2026-09-27 17:00,求助,某五金店,,,,求助事项,",
            "GX-3,2026-09-27 18:00,举报,某食品店,91350100M000100Y45,,,举报事项,",
        ].joined(separator: "\n"), "bad.csv", in: directory)

        // When it is imported
        let result = try ws.run(["ticket", "import", file])

        // Then the command fails, names line 4 and what is wrong, and imports nothing
        #expect(result.status == 1)
        #expect(result.stderr.contains("未导入任何工单"))
        #expect(result.stderr.contains("第 4 行（工单号 GX-3）"))
        #expect(result.stderr.contains("check character"))
        #expect(!result.stderr.contains("第 2 行") && !result.stderr.contains("第 3 行"))
        let list = try ws.run(["ticket", "list", "--json"]).json()
        #expect((list["tickets"] as? [Any])?.isEmpty == true)

        // And --json lists the problem for tools
        let json = try ws.run(["ticket", "import", file, "--json", "--lang", "en"])
        #expect(json.status == 1)
        let problems = try json.json()["problems"] as? [[String: Any]] ?? []
        #expect(problems.map { $0["line"] as? Int } == [4])
    }

    @Test("only the workstation imports hotline exports")
    func townshipsMayNotImport() throws {
        let directory = try TemporaryDirectory("cli-import-dx")
        defer { directory.remove() }
        let dx = try GongdanProcess.township(in: directory)
        let file = try write(Self.goodFile, "12345.csv", in: directory)
        var english = dx
        english.lang = "en_US.UTF-8"
        let result = try english.run(["ticket", "import", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("only the workstation imports 12345 hotline exports"))
    }

    @Test("hub intake-token prints a new token each time and keeps only its hash")
    func intakeToken() throws {
        let directory = try TemporaryDirectory("cli-intake-token")
        defer { directory.remove() }
        let admin = GongdanProcess(directory, replica: "unused.sqlite")
        let hubDB = directory.path("hub.sqlite")
        try admin.ok(["hub", "init", "--db", hubDB, "--district", "港南区"])
        let first = try admin.run(["hub", "intake-token", "--db", hubDB, "--json"]).json()
        let second = try admin.run(["hub", "intake-token", "--db", hubDB, "--json"]).json()
        let token = try #require(first["token"] as? String)
        #expect(token.count >= 40 && first["replaced"] as? Bool == false)
        #expect(second["replaced"] as? Bool == true && second["token"] as? String != token)
        for file in [hubDB, hubDB + "-wal"] where FileManager.default.fileExists(atPath: file) {
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)).range(of: Data(token.utf8)) == nil)
        }
        let text = try admin.ok(["hub", "intake-token", "--db", hubDB])
        #expect(text.contains("令牌：") && text.contains("原令牌已作废"))
    }
}
