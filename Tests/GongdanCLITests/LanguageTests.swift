import Foundation
import Testing
import GongdanTesting

/// Chinese by default, English with `--lang en` or an English `LANG`; the flag wins.
@Suite("Languages")
struct LanguageTests {
    @Test("labels are Chinese by default and English with --lang en")
    func chineseAndEnglishLabels() throws {
        let directory = try TemporaryDirectory("cli-lang")
        defer { directory.remove() }
        // Given a dispatched complaint.
        let ws = try GongdanProcess.workstation(in: directory)
        let code = try ws.newHotlineComplaint()
        try ws.ok(["ticket", "dispatch", code, "--to", "DX"])

        // When the list and the ticket are shown in both languages.
        let zh = try ws.ok(["ticket", "list"])
        let en = try ws.ok(["ticket", "list", "--lang", "en"])
        let shownEn = try ws.ok(["ticket", "show", code, "--lang", "en"])

        // Then the labels follow the language.
        #expect(zh.contains("待签收") && zh.contains("投诉") && zh.contains("共 1 条未办结，显示 1 条"))
        #expect(en.contains("pending sign") && en.contains("complaint") && en.contains("1 open in all, 1 shown"))
        #expect(!en.contains("待签收"))
        #expect(shownEn.contains("Timeline:") && shownEn.contains("dispatch") && shownEn.contains("12345 hotline"))
    }

    @Test("an English LANG switches the default, and --lang zh still wins")
    func langEnvironment() throws {
        let directory = try TemporaryDirectory("cli-lang-env")
        defer { directory.remove() }
        // Given a workstation run with LANG=en_US.UTF-8.
        var ws = try GongdanProcess.workstation(in: directory)
        ws.lang = "en_US.UTF-8"

        // When its status is shown without and with --lang zh.
        let english = try ws.ok(["status"])
        let chinese = try ws.ok(["status", "--lang", "zh"])

        // Then the environment sets English and the flag overrides it.
        #expect(english.contains("Node: WS") && english.contains("(workstation)"))
        #expect(chinese.contains("节点：WS") && chinese.contains("（工作站）"))
    }

    @Test("errors are rendered in the chosen language")
    func errorLanguage() throws {
        let directory = try TemporaryDirectory("cli-lang-error")
        defer { directory.remove() }
        // Given the workstation.
        let ws = try GongdanProcess.workstation(in: directory)

        // When an unknown ticket is asked for in both languages.
        let zh = try ws.run(["ticket", "show", "WS-26-0099"])
        let en = try ws.run(["ticket", "show", "WS-26-0099", "--lang", "en"])

        // Then the messages say so in each language.
        #expect(zh.stderr.hasPrefix("错误：") && zh.stderr.contains("WS-26-0099"))
        #expect(en.stderr.hasPrefix("error: ") && en.stderr.contains("no ticket WS-26-0099"))
    }
}
