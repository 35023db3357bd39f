/// The State Council's holiday schedules that ship with Gongdan, 2023–2026.
///
/// Each is a transcription of the notice named in its `source`: the days off as the notice gives them
/// (放假调休, weekend days included) and the weekend days it makes working days (调休上班).
/// A later year's notice is loaded from a file (see `calendars/README.md`), not added here.
extension HolidaySchedule {
    /// Every built-in schedule, oldest first.
    public static let official: [HolidaySchedule] = [official2023, official2024, official2025, official2026]

    /// 2023, from 国务院办公厅关于2023年部分节假日安排的通知 (国办发明电〔2022〕16号).
    public static let official2023 = HolidaySchedule(
        year: 2023,
        source: "国办发明电〔2022〕16号",
        holidays:
            dates("2022-12-31", through: "2023-01-02")      // 元旦 (begins on the Saturday before New Year's Day)
            + dates("2023-01-21", through: "2023-01-27")    // 春节
            + dates("2023-04-05")                           // 清明节
            + dates("2023-04-29", through: "2023-05-03")    // 劳动节
            + dates("2023-06-22", through: "2023-06-24")    // 端午节
            + dates("2023-09-29", through: "2023-10-06"),   // 中秋节、国庆节
        workdays:
            dates("2023-01-28", "2023-01-29")               // 春节
            + dates("2023-04-23", "2023-05-06")             // 劳动节
            + dates("2023-06-25")                           // 端午节
            + dates("2023-10-07", "2023-10-08")             // 中秋节、国庆节
    )

    /// 2024, from 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号).
    public static let official2024 = HolidaySchedule(
        year: 2024,
        source: "国办发明电〔2023〕7号",
        holidays:
            dates("2024-01-01")                             // 元旦
            + dates("2024-02-10", through: "2024-02-17")    // 春节
            + dates("2024-04-04", through: "2024-04-06")    // 清明节
            + dates("2024-05-01", through: "2024-05-05")    // 劳动节
            + dates("2024-06-10")                           // 端午节
            + dates("2024-09-15", through: "2024-09-17")    // 中秋节
            + dates("2024-10-01", through: "2024-10-07"),   // 国庆节
        workdays:
            dates("2024-02-04", "2024-02-18")               // 春节
            + dates("2024-04-07")                           // 清明节
            + dates("2024-04-28", "2024-05-11")             // 劳动节
            + dates("2024-09-14")                           // 中秋节
            + dates("2024-09-29", "2024-10-12")             // 国庆节
    )

    /// 2025, from 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号).
    public static let official2025 = HolidaySchedule(
        year: 2025,
        source: "国办发明电〔2024〕12号",
        holidays:
            dates("2025-01-01")                             // 元旦
            + dates("2025-01-28", through: "2025-02-04")    // 春节
            + dates("2025-04-04", through: "2025-04-06")    // 清明节
            + dates("2025-05-01", through: "2025-05-05")    // 劳动节
            + dates("2025-05-31", through: "2025-06-02")    // 端午节
            + dates("2025-10-01", through: "2025-10-08"),   // 国庆节、中秋节
        workdays:
            dates("2025-01-26", "2025-02-08")               // 春节
            + dates("2025-04-27")                           // 劳动节
            + dates("2025-09-28", "2025-10-11")             // 国庆节、中秋节
    )

    /// 2026, from 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, 4 November 2025).
    public static let official2026 = HolidaySchedule(
        year: 2026,
        source: "国办发明电〔2025〕7号",
        holidays:
            dates("2026-01-01", through: "2026-01-03")      // 元旦
            + dates("2026-02-15", through: "2026-02-23")    // 春节
            + dates("2026-04-04", through: "2026-04-06")    // 清明节
            + dates("2026-05-01", through: "2026-05-05")    // 劳动节
            + dates("2026-06-19", through: "2026-06-21")    // 端午节
            + dates("2026-09-25", through: "2026-09-27")    // 中秋节
            + dates("2026-10-01", through: "2026-10-07"),   // 国庆节
        workdays:
            dates("2026-01-04")                             // 元旦
            + dates("2026-02-14", "2026-02-28")             // 春节
            + dates("2026-05-09")                           // 劳动节
            + dates("2026-09-20", "2026-10-10")             // 国庆节
    )

    /// The dates from `first` through `last`, both included.
    private static func dates(_ first: String, through last: String) -> [CivilDate] {
        let start = officialDate(first)
        return (0...start.days(until: officialDate(last))).map { start.adding(days: $0) }
    }

    /// The dates written.
    private static func dates(_ texts: String...) -> [CivilDate] {
        texts.map(officialDate)
    }

    private static func officialDate(_ text: String) -> CivilDate {
        guard let date = CivilDate(text) else { preconditionFailure("built-in holiday schedule has an invalid date \(text)") }
        return date
    }
}
