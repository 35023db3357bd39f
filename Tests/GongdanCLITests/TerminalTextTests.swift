import Foundation
import Testing
import GongdanTesting

/// What reaches a clerk's terminal and a spreadsheet: no control characters from ticket text, no formula cells.
@Suite("Terminal text and CSV cells")
struct TerminalTextTests {
    @Test("unit list, ticket show and list print names and summaries without control characters; report csv neutralises a formula name")
    func controlCharactersAndFormulas() throws {
        // Given a unit whose name carries a clear-screen sequence, and a ticket whose summary a carriage return
        let directory = try TemporaryDirectory("cli-terminal-text")
        defer { directory.remove() }
        let ws = try GongdanProcess.workstation(in: directory)
        try ws.ok(["unit", "add", "EV", "--name", "东兴\u{1B}[2J镇", "--kind", "township"])
        let code = try #require(try ws.run(["ticket", "new", "--category", "help", "--source", "window", "--entity", "东兴五金店",
                                            "--summary", "门店施工\r影响经营", "--json"]).json()["code"] as? String)
        try ws.ok(["ticket", "dispatch", code, "--to", "EV"])

        // When the clerk lists the units, shows the ticket and lists the tickets
        let outputs = [try ws.ok(["unit", "list"]), try ws.ok(["ticket", "show", code]), try ws.ok(["ticket", "list"])]

        // Then the text is there without its control characters
        for output in outputs {
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0 == "\r" })
        }
        #expect(outputs[0].contains("东兴[2J镇") && outputs[1].contains("门店施工影响经营") && outputs[1].contains("东兴[2J镇"))

        // And a unit named like a formula is written to CSV as text
        let hubDB = directory.path("hub.sqlite")
        try ws.ok(["hub", "init", "--db", hubDB, "--district", "港南区"])
        try ws.ok(["hub", "unit", "add", "EV", "--name", "=HYPERLINK(\"http://evil.example\",\"点击\")", "--kind", "township", "--db", hubDB])
        let csv = try ws.ok(["report", "units", "--period", "2026-09", "--format", "csv", "--db", hubDB])
        #expect(csv.contains("\"'=HYPERLINK(") && !csv.contains(",=HYPERLINK"))
    }
}
