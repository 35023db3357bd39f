import Foundation

/// How far a deadline is, in working days, as a clerk's to-do list shows it: "剩 3 个工作日", "今天到期",
/// "已逾期 2 个工作日".
public enum DeadlineCountdown: Hashable, Sendable {
    /// Not yet passed: the working days left, today included when it is one (the deadline ends at 24:00
    /// China Standard Time of its last day); `endsToday` when that last day is today.
    case dueIn(workingDays: Int, endsToday: Bool)
    /// Passed: the working days since its last day, today included (0 when none has passed yet, e.g. the
    /// weekend after a Friday deadline).
    case overdue(workingDays: Int)

    /// The countdown to `deadline` at `now` under `calendar`.
    public init(deadline: Date, now: Date, calendar: WorkingDayCalendar) {
        let today = CivilDate.inChinaStandardTime(now)
        let lastDay = CivilDate.inChinaStandardTime(deadline.addingTimeInterval(-1))
        if now < deadline {
            self = .dueIn(workingDays: calendar.workingDays(from: today, through: lastDay), endsToday: lastDay == today)
        } else {
            self = .overdue(workingDays: calendar.workingDays(from: lastDay.adding(days: 1), through: today))
        }
    }

    /// Whether the deadline has passed.
    public var isOverdue: Bool {
        if case .overdue = self { return true }
        return false
    }
}
