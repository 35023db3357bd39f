/// The supervision notices a unit received in a period, by level, with their numbers.
public struct NoticeTally: Hashable, Sendable, Codable {
    public var reminders: [NoticeNumber] = []
    public var rectifications: [NoticeNumber] = []
    public var interviews: [NoticeNumber] = []

    public init(_ notices: [IssuedNotice] = []) {
        for notice in notices.sorted(by: { $0.number < $1.number }) {
            switch notice.level {
            case .reminder: reminders.append(notice.number)
            case .rectification: rectifications.append(notice.number)
            case .interview: interviews.append(notice.number)
            }
        }
    }

    /// How many notices of `level`.
    public func count(of level: NoticeLevel) -> Int {
        switch level {
        case .reminder: reminders.count
        case .rectification: rectifications.count
        case .interview: interviews.count
        }
    }

    /// All notices.
    public var total: Int { reminders.count + rectifications.count + interviews.count }
}
