import Foundation
import Testing
import GongdanCore
import GongdanTesting
@testable import GongdanStore

/// Supervision notices stored at the hub: numbering, lookup, per-unit lists, settings.
@Suite("Hub notices")
struct HubNoticeTests {
    func interview(_ unit: String, at time: String) throws -> NoticeCandidate {
        try NoticeCandidate.interview(unit: unit, reason: .retaliation, detail: "经办人员向反映人施压要求撤回投诉",
                                      tickets: ["WS-26-0001"], asOf: Fixtures.cst(time))
    }

    @Test("notices are numbered 1, 2, 3 in a year and start again at 1 the next year")
    func numbering() throws {
        // Given a hub of 港南区
        let hub = try HubFixture()
        defer { hub.remove() }

        // When three notices are issued in 2026 and two in 2027
        var numbers: [String] = []
        for time in ["2026-10-20 09:00", "2026-11-02 09:00", "2026-12-31 23:00", "2027-01-01 00:10", "2027-01-05 09:00"] {
            numbers.append(try hub.store.issueNotice(try interview("DX", at: time), at: Fixtures.cst(time), by: "督查员").number.description)
        }

        // Then each year counts from 1 under the district's short name
        #expect(numbers == ["港南督〔2026〕1号", "港南督〔2026〕2号", "港南督〔2026〕3号", "港南督〔2027〕1号", "港南督〔2027〕2号"])
        #expect(try hub.store.noticeList().map(\.id) == ["NOTICE-2026-0001", "NOTICE-2026-0002", "NOTICE-2026-0003",
                                                        "NOTICE-2027-0001", "NOTICE-2027-0002"])
    }

    @Test("a notice is stored with what was found, its tickets, the date to finish by, its level and unit")
    func storedContent() throws {
        // Given an interview notice for DX
        let hub = try HubFixture()
        defer { hub.remove() }
        let candidate = try interview("DX", at: "2026-10-20 09:00")

        // When it is issued and read back by id, by number and by unit
        let issued = try hub.store.issueNotice(candidate, at: Fixtures.cst("2026-10-20 09:30"), by: "督查员")
        let byID = try hub.store.notice(id: "notice-2026-0001")
        let byNumber = try hub.store.notice(id: "港南督[2026]1号")

        // Then every field is kept, and the unit's list holds it
        #expect(byID == issued)
        #expect(byNumber == issued)
        #expect(issued.level == .interview)
        #expect(issued.unit == "DX")
        #expect(issued.unitName == "东兴镇")
        #expect(issued.tickets == ["WS-26-0001"])
        #expect(issued.findings == candidate.findings)
        #expect(issued.finishBy == candidate.finishBy)
        #expect(issued.interviewReason == .retaliation)
        #expect(issued.issuedBy == "督查员")
        #expect(issued.district == "港南区")
        #expect(try hub.store.notices(for: "DX") == [issued])
        #expect(try hub.store.notices(for: "QX").isEmpty)
        #expect(throws: HubStoreError.unknownNotice("NOTICE-2026-0009")) { try hub.store.notice(id: "NOTICE-2026-0009") }
    }

    @Test("the short name comes from the district's name unless one is configured")
    func shortName() throws {
        #expect(HubStore.shortDistrictName("港南区") == "港南")
        #expect(HubStore.shortDistrictName("平南县") == "平南")
        #expect(HubStore.shortDistrictName("某某自治县") == "某某")
        #expect(HubStore.shortDistrictName("东区") == "东区")

        // Given a hub configured to number as 贵港港南
        let hub = try HubFixture()
        defer { hub.remove() }
        var settings = try hub.store.supervisionSettings()
        settings.districtShortName = "贵港港南"
        try hub.store.saveSupervisionSettings(settings)

        // When a notice is issued
        let notice = try hub.store.issueNotice(try interview("QX", at: "2026-10-20 09:00"), at: Fixtures.cst("2026-10-20 09:00"), by: "督查员")

        // Then its number carries the configured name, and the settings read back as saved
        #expect(notice.number.description == "贵港港南督〔2026〕1号")
        #expect(try hub.store.supervisionSettings() == settings)
    }

    @Test("the printable notice names the number, the unit, the findings, the tickets, the date and the issuer on A4")
    func printable() throws {
        // Given an issued interview notice
        let hub = try HubFixture()
        defer { hub.remove() }
        let notice = try hub.store.issueNotice(try interview("DX", at: "2026-10-20 09:00"), at: Fixtures.cst("2026-10-20 09:00"), by: "督查员")

        // When it is rendered
        let html = NoticeDocument(notice: notice.issued, unitName: notice.unitName ?? notice.unit, district: notice.district).html

        // Then the page has everything a printed notice needs
        for part in ["@page { size: A4", "约谈通知书", "港南督〔2026〕1号", "东兴镇：", "打击报复", "WS-26-0001",
                     "\(HTMLText.chineseDate(notice.finishBy))前", "港南区优化营商环境工作小组办公室", "2026年10月20日"] {
            #expect(html.contains(part), "missing \(part)")
        }
    }
}
