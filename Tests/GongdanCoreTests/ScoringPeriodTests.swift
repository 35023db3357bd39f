import Foundation
import Testing
import GongdanCore
import GongdanTesting

@Suite("Scoring periods")
struct ScoringPeriodTests {
    @Test("a month, a quarter and a year parse and print back, with their first and last days", arguments: [
        ("2026-10", "2026-10-01", "2026-10-31"), ("2026-02", "2026-02-01", "2026-02-28"),
        ("2024-02", "2024-02-01", "2024-02-29"), ("2026-Q4", "2026-10-01", "2026-12-31"),
        ("2026-Q1", "2026-01-01", "2026-03-31"), ("2026", "2026-01-01", "2026-12-31"),
        ("2026-12", "2026-12-01", "2026-12-31"),
    ])
    func parses(text: String, first: String, last: String) throws {
        let period = try ScoringPeriod(text)
        #expect(period.description == text)
        #expect(period.firstDay == CivilDate(first))
        #expect(period.lastDay == CivilDate(last))
    }

    @Test("a period starts at 00:00 and ends at 24:00 China Standard Time")
    func instants() throws {
        let october = try ScoringPeriod("2026-10")
        // 2026-10-01 00:00 UTC+8 is 2026-09-30 16:00 UTC.
        #expect(october.start == Date(timeIntervalSince1970: 1_790_784_000))
        #expect(october.end == CivilDate("2026-11-01")!.startInChinaStandardTime)
        #expect(october.contains(Fixtures.cst("2026-10-31 23:59")))
        #expect(!october.contains(Fixtures.cst("2026-11-01 00:00")))
        #expect(!october.contains(Fixtures.cst("2026-09-30 23:59")))
    }

    @Test("a quarter is made of its three months, and `q` is read like `Q`")
    func quarterMonths() throws {
        #expect(try ScoringPeriod("2026-q4") == ScoringPeriod("2026-Q4"))
        #expect(try ScoringPeriod("2026-Q4").months.map(\.description) == ["2026-10", "2026-11", "2026-12"])
        #expect(try ScoringPeriod("2026").months.count == 12)
    }

    @Test("bad periods are refused with what was wrong", arguments: [
        ("", "it is empty"), ("2026-13", "the month must be 01 to 12"), ("2026-00", "the month must be 01 to 12"),
        ("2026-Q5", "the quarter must be Q1 to Q4"), ("2026-Q", "a quarter is written Q1 to Q4 after the year"),
        ("2026-1", "a month is written with two digits after the year, e.g. 2026-01"),
        ("26-10", "it must start with a four-digit year"), ("2026-10-01", "a period has at most one '-' (a whole date is not a period)"),
        ("October", "it must start with a four-digit year"),
    ])
    func refuses(text: String, problem: String) {
        #expect(throws: ScoringError.invalidPeriod(text, problem: problem)) {
            try ScoringPeriod(text)
        }
    }

    @Test("the error message says which forms are accepted")
    func errorMessage() {
        let error = ScoringError.invalidPeriod("2026-13", problem: "the month must be 01 to 12")
        #expect(error.description == "period '2026-13' is not valid: the month must be 01 to 12; give a month (2026-10), a quarter (2026-Q4) or a year (2026)")
    }

    @Test("periods encode as their written form")
    func codable() throws {
        let data = try JSONEncoder().encode([try ScoringPeriod("2026-Q4")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-Q4"]"#)
        #expect(try JSONDecoder().decode([ScoringPeriod].self, from: data) == [try ScoringPeriod("2026-Q4")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ScoringPeriod].self, from: Data(#"["2026-13"]"#.utf8)) }
    }
}
