import Foundation
import GongdanCore
import GongdanStore
import GongdanSync

/// A clerk's to-do page: the node's work lists, most urgent first, and the supervision notices
/// addressed to its unit (``NodeService/workList(limit:)``).
public struct WorkList: Sendable {
    /// One list: which work, its first tickets and how many there are.
    public struct Section: Sendable {
        public var queue: WorkQueue
        public var page: TicketPage
    }

    public var sections: [Section]
    /// Notices addressed to this unit (all of them on the workstation), the newest first.
    public var notices: [SyncedNotice]
    public var now: Date
    /// The calendar the countdowns are counted with.
    public var calendar: WorkingDayCalendar

    /// How far `deadline` is, in working days.
    public func countdown(to deadline: Date) -> DeadlineCountdown {
        DeadlineCountdown(deadline: deadline, now: now, calendar: calendar)
    }
}
