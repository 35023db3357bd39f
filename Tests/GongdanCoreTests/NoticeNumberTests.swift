import Foundation
import Testing
import GongdanCore
import GongdanTesting

@Suite("Notice numbers and thresholds")
struct NoticeNumberTests {
    @Test("a notice number prints in the official style and parses back")
    func roundTrip() throws {
        let number = try NoticeNumber(district: "港南", year: 2026, sequence: 12)
        #expect(number.description == "港南督〔2026〕12号")
        #expect(try NoticeNumber.parse("港南督〔2026〕12号") == number)
        #expect(try NoticeNumber.parse(" 港南督[2026]12号 ") == number)
        #expect(try NoticeNumber.parse("港南督【2026】12号") == number)
    }

    @Test("numbers run per district and year")
    func numbering() throws {
        let issued = [try NoticeNumber.parse("港南督〔2026〕11号"), try NoticeNumber.parse("港南督〔2026〕12号"),
                      try NoticeNumber.parse("港南督〔2025〕40号"), try NoticeNumber.parse("港北督〔2026〕99号")]
        #expect(try NoticeNumber.next(district: "港南", year: 2026, after: issued).description == "港南督〔2026〕13号")
        #expect(try NoticeNumber.next(district: "港南", year: 2027, after: issued).description == "港南督〔2027〕1号")
        #expect(try NoticeNumber.next(district: "覃塘", year: 2026, after: issued).sequence == 1)
    }

    @Test("malformed numbers are refused, saying which part is wrong", arguments: [
        ("港南〔2026〕12号", "the district short name must be followed by 督 before the year"),
        ("港南督2026-12号", "the year in brackets 〔〕 is missing"),
        ("督〔2026〕12号", "the district short name is missing before 督"),
        ("港南督〔26〕12号", "the year in brackets must be four digits"),
        ("港南督〔2026〕12", "the number must end with 号"),
        ("港南督〔2026〕号", "the sequence number between 〕 and 号 must be digits"),
        ("港南督〔2026〕0号", "numbers start at 1"),
    ])
    func refuses(text: String, problem: String) {
        do {
            _ = try NoticeNumber.parse(text)
            Issue.record("\(text) was accepted")
        } catch {
            guard case .invalidNoticeNumber(_, let reported) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(reported == problem)
            #expect(error.description.contains("e.g. 港南督〔2026〕12号"))
        }
    }

    @Test("a district name with digits or brackets cannot head a number")
    func badDistrict() {
        #expect(throws: SupervisionError.invalidDistrictName("港南2")) {
            try NoticeNumber(district: "港南2", year: 2026, sequence: 1)
        }
    }

    @Test("notice keys print as one line and parse back")
    func keys() {
        let key = NoticeKey(unit: "DX", trigger: .unsignedPastLimit, tickets: ["WS-26-0002", "WS-26-0001", "WS-26-0002"])
        #expect(key.description == "unsignedPastLimit|DX|WS-26-0001,WS-26-0002")
        #expect(NoticeKey(key.description) == key)
        #expect(NoticeKey("noSuchTrigger|DX|A") == nil)
    }

    @Test("a thresholds file names only what it changes; the defaults are DESIGN §3's")
    func thresholdsFile() throws {
        let defaults = SupervisionThresholds.default
        #expect(defaults.unsignedPastLimitTimes == 2)
        #expect(defaults.returnsOverruledTimes == 2)
        #expect(defaults.unsatisfiedTimes == 2)
        #expect(defaults.nonStandardReplyTimes == 2)
        #expect(defaults.finishWithinWorkingDays == 3)

        let changed = try SupervisionThresholds.decode(from: Data(#"{"unsignedPastLimitTimes": 3}"#.utf8))
        #expect(changed.unsignedPastLimitTimes == 3)
        #expect(changed.finishWithinWorkingDays == 3)
        let json = try JSONEncoder().encode(changed)
        #expect(try JSONDecoder().decode(SupervisionThresholds.self, from: json) == changed)
    }

    @Test("a thresholds file with a typo, a wrong type or a value out of range is refused naming the field")
    func thresholdsRefused() {
        #expect(throws: SupervisionError.self) {
            try SupervisionThresholds.decode(from: Data(#"{"unsignedPastLimitTime": 3}"#.utf8))
        }
        #expect(throws: SupervisionError.invalidThresholds("nonStandardReplyTimes is 0; it must be 1 or more")) {
            try SupervisionThresholds.decode(from: Data(#"{"nonStandardReplyTimes": 0}"#.utf8))
        }
        #expect(throws: SupervisionError.invalidThresholds("field 'finishWithinWorkingDays' has the wrong type: give a number")) {
            try SupervisionThresholds.decode(from: Data(#"{"finishWithinWorkingDays": "three"}"#.utf8))
        }
        #expect(throws: SupervisionError.self) {
            try SupervisionThresholds.decode(from: Data("not json".utf8))
        }
    }
}
