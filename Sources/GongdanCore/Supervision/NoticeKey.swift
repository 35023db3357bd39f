/// What makes two notices the same notice: the unit addressed, the trigger and the tickets it rests on.
///
/// The supervision engine never proposes a candidate whose key was already issued. The key prints as
/// one line a store can index, and parses back:
///
/// ```swift
/// let key = NoticeKey(unit: "DX", trigger: .overdueNotReplied, tickets: ["WS-26-0001"])
/// key.description                                   // "overdueNotReplied|DX|WS-26-0001"
/// NoticeKey("overdueNotReplied|DX|WS-26-0001")      // the same key
/// ```
public struct NoticeKey: Hashable, Sendable, Codable, Comparable, LosslessStringConvertible {
    public var unit: String
    public var trigger: NoticeTrigger
    /// Ticket codes, sorted and without repeats.
    public var tickets: [String]

    /// The key; `tickets` are sorted and de-duplicated.
    public init(unit: String, trigger: NoticeTrigger, tickets: [String]) {
        self.unit = unit
        self.trigger = trigger
        self.tickets = Array(Set(tickets)).sorted()
    }

    /// Parses `trigger|unit|T1,T2`; nil when the text is not a key.
    public init?(_ description: String) {
        let parts = description.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3, let trigger = NoticeTrigger(rawValue: String(parts[0])), !parts[1].isEmpty else {
            return nil
        }
        let tickets = parts[2].split(separator: ",").map(String.init)
        self.init(unit: String(parts[1]), trigger: trigger, tickets: tickets)
    }

    /// `trigger|unit|T1,T2`.
    public var description: String {
        "\(trigger.rawValue)|\(unit)|\(tickets.joined(separator: ","))"
    }

    /// Orders by trigger, then unit, then tickets.
    public static func < (lhs: NoticeKey, rhs: NoticeKey) -> Bool {
        if lhs.trigger != rhs.trigger { return lhs.trigger < rhs.trigger }
        if lhs.unit != rhs.unit { return lhs.unit < rhs.unit }
        return lhs.tickets.lexicographicallyPrecedes(rhs.tickets)
    }
}
