import Foundation
import GongdanCore

/// Instants as people in the district read them: China Standard Time, whatever the machine's zone.
public enum TimeText {
    /// `2026-10-08 09:00` (CST).
    public static func instant(_ date: Date) -> String {
        let (day, seconds) = split(date)
        return "\(CivilDate(daysSince1970: day)) \(clock(seconds))"
    }

    /// A deadline: one ending at midnight CST shows as the day it ends plus `24:00`
    /// (`2026-10-16 24:00`); any other instant as ``instant(_:)``.
    public static func deadline(_ date: Date) -> String {
        let (day, seconds) = split(date)
        return seconds == 0 ? "\(CivilDate(daysSince1970: day - 1)) 24:00" : instant(date)
    }

    /// The CST date on which a deadline falls (the date before, for a midnight deadline).
    public static func deadlineDate(_ date: Date) -> CivilDate {
        CivilDate.inChinaStandardTime(date.addingTimeInterval(-1))
    }

    /// CST day number and seconds into that day (whole seconds).
    private static func split(_ date: Date) -> (day: Int, seconds: Int) {
        let total = Int((date.timeIntervalSince1970).rounded(.down)) + CivilDate.chinaStandardTimeOffset
        let day = Int((Double(total) / 86_400).rounded(.down))
        return (day, total - day * 86_400)
    }

    private static func clock(_ seconds: Int) -> String {
        let hours = seconds / 3600, minutes = (seconds % 3600) / 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}
