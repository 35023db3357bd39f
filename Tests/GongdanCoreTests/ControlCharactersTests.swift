import Testing
import GongdanCore

/// Control characters from outside text: stripped for the terminal, escaped for logs; formula cells neutralised in CSV.
@Suite("Control characters and CSV cells")
struct ControlCharactersTests {
    @Test func theTerminalKeepsLineFeedsAndTabsAndLosesEveryOtherControlCharacter() {
        #expect(ControlCharacters.strippedForTerminal("门店\u{1B}[2J施工") == "门店[2J施工")
        #expect(ControlCharacters.strippedForTerminal("一行\r\n二行\t列") == "一行\n二行\t列")
        #expect(ControlCharacters.strippedForTerminal("\u{0}\u{7}\u{7F}\u{9B}31m红") == "31m红")
        #expect(ControlCharacters.strippedForTerminal("港南区好味餐馆") == "港南区好味餐馆")
        #expect(ControlCharacters.removed(from: "a,b\r\n\u{1B}c", except: ["\r", "\n"]) == "a,b\r\nc")
    }

    @Test func aLogLineStaysOneLineAndReadsUnambiguously() {
        #expect(ControlCharacters.escapedForLog("DX\nlevel=info forged") == "DX\\nlevel=info forged")
        #expect(ControlCharacters.escapedForLog("a\r\tb\u{1B}c\u{0}") == "a\\r\\tb\\u{1B}c\\u{0}")
        // a backslash is escaped too, so a typed "\n" never reads as an escaped newline
        #expect(ControlCharacters.escapedForLog("C:\\n") == "C:\\\\n")
        #expect(ControlCharacters.escapedForLog("区市场监管局") == "区市场监管局")
    }

    @Test func controlCharactersAreFoundUnlessAllowed() {
        #expect(ControlCharacters.contains(in: "12345\u{0}"))
        #expect(ControlCharacters.contains(in: "第一行\n第二行"))
        #expect(!ControlCharacters.contains(in: "第一行\n第二行", allowing: ["\n"]))
        #expect(!ControlCharacters.contains(in: "A-20261207-0001"))
    }

    @Test func formulaCellsAreNeutralisedAndNumbersStayNumbers() {
        #expect(CSVText.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVText.field("+86 775") == "'+86 775")
        #expect(CSVText.field("-1+cmd|' /C calc'!A0") == "'-1+cmd|' /C calc'!A0")
        #expect(CSVText.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVText.field("\tX") == "'\tX")
        #expect(CSVText.field("-0.25") == "-0.25" && CSVText.field("+3") == "+3" && CSVText.field("0.9500") == "0.9500")
        #expect(CSVText.field("东兴镇, 港南区") == "\"东兴镇, 港南区\"")
        #expect(CSVText.render([["unit", "name"], ["DX", "=1+2"]]) == "unit,name\r\nDX,'=1+2\r\n")
    }
}
