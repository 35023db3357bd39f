import Foundation
import GongdanCore
import GongdanNode
import Testing

/// The hotline export's CSV reader, without files: RFC 4180 records, then rows of intake.
@Suite("Reading a 12345 hotline export")
struct HotlineCSVTests {
    static let header = "order_number,received_at,category,entity,credit_code,contact,phone,summary,detail"

    @Test func quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() {
        let records = HotlineCSV.records(in: "a,\"b, c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x,\"\"\n")
        #expect(records == [
            HotlineCSV.Record(line: 1, fields: ["a", "b, c", "say \"hi\""]),
            HotlineCSV.Record(line: 2, fields: ["two\nlines", "x", ""]),
        ])
    }

    @Test func crlfLineEndsAByteOrderMarkAndBlankLinesAreHandled() {
        let records = HotlineCSV.records(in: "\u{FEFF}h1,h2\r\n\r\n1,\"a\r\nb\"\r\n2,c")
        #expect(records.map(\.fields) == [["h1", "h2"], ["1", "a\r\nb"], ["2", "c"]])
        // The record after the embedded CRLF starts on line 5 (the blank line 2 counts).
        #expect(records.map(\.line) == [1, 3, 5])
    }

    @Test func aQuoteThatNeverClosesOrTextAfterAClosingQuoteIsAProblemOfItsLine() {
        let unclosed = HotlineCSV.records(in: "a,b\n\"open,c\n")
        #expect(unclosed.last?.problem?.contains("opened on line 2 never closes") == true)
        let stray = HotlineCSV.records(in: "\"a\"b,c\n")
        #expect(stray.first?.problem?.contains("closing double quote") == true)
    }

    @Test func aGoodExportBecomesHotlineIntakesWithChineseOrEnglishCategories() throws {
        let sheet = HotlineCSV.read("""
            \u{FEFF}\(Self.header)\r
            GX-1,2026-10-20 08:30,投诉,港南区好味餐馆,91350100M000100Y43,黄老板,0775-4331430,"道路施工, 未完工","第一行\r
            第二行"\r
            GX-2,2026-10-20T00:30:00Z,Help,某公司,,,,求助,\r

            """)
        #expect(sheet.problems == [])
        #expect(sheet.rows.map(\.line) == [2, 4])
        let first = try #require(sheet.rows.first).request
        #expect(first.category == .complaint && first.source == .hotline && first.hotlineOrder == "GX-1")
        #expect(first.hotlineReceivedAt == HotlineCSV.receivedAt("2026-10-20T08:30:00+08:00"))
        #expect(first.summary == "道路施工, 未完工" && first.detail == "第一行\r\n第二行")
        #expect(first.entity == BusinessEntity(name: "港南区好味餐馆", creditCode: "91350100M000100Y43", contact: "黄老板", phone: "0775-4331430"))
        let second = try #require(sheet.rows.last).request
        #expect(second.category == .help && second.entity.creditCode == nil && second.detail == nil)
        #expect(second.hotlineReceivedAt == first.hotlineReceivedAt)
    }

    @Test func columnsMayComeInAnyOrderButMissingOrUnknownOnesAreRefused() {
        let reordered = HotlineCSV.read("summary,entity,category,received_at,order_number\n事项,某店,咨询,2026-10-20 08:30,GX-9\n")
        #expect(reordered.problems == [] && reordered.rows.first?.request.category == .consult)

        let missing = HotlineCSV.read("order_number,received_at,category,entity\nGX-1,2026-10-20 08:30,咨询,某店\n")
        #expect(missing.rows.isEmpty)
        #expect(missing.problems.map(\.line) == [1] && missing.problems[0].message.contains("lacks summary"))

        let unknown = HotlineCSV.read(Self.header + ",remark\n")
        #expect(unknown.problems.first?.message.contains("unknown column 'remark'") == true)
    }

    @Test func rowsWithMissingOrExtraFieldsAreNamedByLine() {
        let sheet = HotlineCSV.read("""
            \(Self.header)
            GX-1,2026-10-20 08:30,投诉,某店,,,,事项
            GX-2,2026-10-20 08:30,投诉,某店,,,,事项,详情,多余
            GX-3,2026-10-20 08:30,投诉,某店,,,,事项,
            """)
        #expect(sheet.rows.map(\.order) == ["GX-3"])
        #expect(sheet.problems.map(\.line) == [2, 3])
        #expect(sheet.problems.map(\.order) == ["GX-1", "GX-2"])
        #expect(sheet.problems.allSatisfy { $0.message.contains("the header has 9") })
    }

    @Test func badValuesAndRepeatedOrdersAreEachAProblem() {
        let sheet = HotlineCSV.read("""
            \(Self.header)
            GX-1,yesterday,投诉,某店,,,,事项,
            GX-2,2026-10-20 08:30,闲聊,某店,,,,事项,
            ,2026-10-20 08:30,投诉,某店,,,,事项,
            GX-4,2026-10-20 08:30,投诉,某店,,,,,
            GX-5,2026-10-20 08:30,投诉,某店,,,,事项,
            GX-5,2026-10-20 09:30,投诉,某店,,,,事项,
            """)
        #expect(sheet.rows.map(\.order) == ["GX-5"])
        let messages = Dictionary(uniqueKeysWithValues: sheet.problems.map { ($0.line, $0.message) })
        #expect(messages[2]?.contains("received_at 'yesterday' is not a time") == true)
        #expect(messages[3]?.contains("category '闲聊' is unknown") == true)
        #expect(messages[4]?.contains("order_number is empty") == true)
        #expect(messages[5]?.contains("summary is empty") == true)
        #expect(messages[7]?.contains("first on line 6") == true)
    }

    @Test func orderNumbersOutOfFormatAndControlCharactersAreProblemsNamingTheColumn() {
        let sheet = HotlineCSV.read("""
            \(Self.header)
            GX 1,2026-10-20 08:30,投诉,某店,,,,事项,
            GX-2,2026-10-20 08:30,投诉,某店\u{1B}[2J,,,,事项,
            GX-3,2026-10-20 08:30,投诉,某店,,,,事项\u{7},
            GX-4,2026-10-20 08:30,投诉,某店,,,,事项,"第一段
            第二段"
            """)
        #expect(sheet.rows.map(\.order) == ["GX-4"])
        let messages = Dictionary(uniqueKeysWithValues: sheet.problems.map { ($0.line, $0.message) })
        #expect(messages[2]?.hasPrefix("order_number（工单号）'GX 1' 格式不对") == true)
        #expect(messages[3]?.hasPrefix("entity 含有控制字符") == true && messages[3]?.contains("remove them") == true)
        #expect(messages[4]?.hasPrefix("summary 含有控制字符") == true)
    }

    @Test func receivedAtTakesAnOffsetOrChinaStandardTime() {
        let cst = HotlineCSV.receivedAt("2026-10-20 08:30")
        #expect(cst != nil)
        #expect(HotlineCSV.receivedAt("2026-10-20T08:30:00+08:00") == cst)
        #expect(HotlineCSV.receivedAt("2026-10-20T00:30:00Z") == cst)
        #expect(HotlineCSV.receivedAt("2026-10-20T08:30") == cst)
        #expect(HotlineCSV.receivedAt("2026-10-20 08:30:15") == cst?.addingTimeInterval(15))
        #expect(HotlineCSV.receivedAt("2026-10-20T00:30:00.500Z") == cst?.addingTimeInterval(0.5))
        for bad in ["", "2026-10-20", "2026-13-01 08:30", "2026-10-20 25:00", "20/10/2026 08:30"] {
            #expect(HotlineCSV.receivedAt(bad) == nil, "\(bad)")
        }
    }
}
