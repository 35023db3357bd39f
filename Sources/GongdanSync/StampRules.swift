import Foundation
import GongdanCore

/// An origin's clock only moves forward: the hub's rules for the stamp (`hlc`) of each event a node
/// pushes, without IO. An event is refused with `clock_behind` when it is stamped below
///
/// | rule | below what |
/// | --- | --- |
/// | `stamp.origin-order` | the origin's previous event (the hub's head of its chain, then the batch's) |
/// | `stamp.clock-floor` | the hub's clock the node had read at a contact before it made the event (``ClockFloor``) |
/// | `stamp.causal-past` | an event of its ticket that its vector clock says it saw (``TicketStamps``) |
///
/// An honest node never breaks them, whatever its wall clock says: its hybrid clock never runs back,
/// and it observes every event it pulls and the hub's clock (`ReplicaStore.observeHubClock`). A node
/// that breaks one backdated the event — signing after its limit stamped before it, a reply stamped
/// before the deadline — or its replica is damaged. Enforced for pushes of protocol 1.4 and later.
public struct StampRules: Sendable {
    /// The stamp of the origin's latest event the hub holds (nil: none), advanced by each checked event.
    public var previous: HybridTimestamp?
    /// What the hub knows the origin's clock had passed.
    public var floor: ClockFloor
    /// The stamps of the events the hub holds on the push's tickets, extended by each checked event.
    public var tickets: TicketStamps

    /// The first protocol version whose pushes are held to these rules.
    public static let since = ProtocolVersion(major: 1, minor: 4)

    public init(previous: HybridTimestamp?, floor: ClockFloor = .none, tickets: TicketStamps = TicketStamps()) {
        self.previous = previous
        self.floor = floor
        self.tickets = tickets
    }

    /// Checks the next event of the origin (events in seq order) and records its stamp.
    public mutating func check(_ event: TicketEvent) throws(SyncError) {
        if let previous, event.hlc < previous {
            throw Self.refusal(event, rule: "stamp.origin-order", below: previous,
                               what: "\(event.id.origin)'s previous event, which the hub holds")
        }
        if let step = floor.lowest(forSeq: event.id.seq), event.hlc < step.hlc {
            throw Self.refusal(event, rule: "stamp.clock-floor", below: step.hlc,
                               what: "the hub's clock that \(event.id.origin) had read when its last seq was \(step.afterSeq) (the floor of its clock)")
        }
        if let seen = tickets.latestSeen(on: event.ticket, by: event.clock, own: event.id), event.hlc < seen.hlc {
            throw Self.refusal(event, rule: "stamp.causal-past", below: seen.hlc,
                               what: "event \(seen.id), which it saw on the ticket")
        }
        previous = max(previous ?? event.hlc, event.hlc)
        tickets.add(event.id, ticket: event.ticket, hlc: event.hlc)
    }

    /// The refusal naming the event, its stamp, the floor it is below and what to do.
    static func refusal(_ event: TicketEvent, rule: String, below floor: HybridTimestamp, what: String) -> SyncError {
        SyncError(.clockBehind, "event \(event.id) (\(event.payload.type)) on ticket \(event.ticket) breaks rule \(rule): it is stamped \(Self.text(event.hlc)), \(Self.gap(floor.date.timeIntervalSince(event.hlc.date))) before \(what), stamped \(Self.text(floor)); an origin's clock only moves forward. Fix the clock of the node's PC (timedatectl, or the Windows time settings) and tell the hub operator: the node keeps the event, the hub stores none of this push, and nothing after the event can be sent until it is dealt with")
    }

    /// `2026-11-03 10:00:00 UTC+8 (hlc 117544…)`.
    static func text(_ stamp: HybridTimestamp) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.formatOptions = [.withFullDate, .withDashSeparatorInDate, .withTime, .withColonSeparatorInTime,
                                   .withSpaceBetweenDateAndTime]
        return "\(formatter.string(from: stamp.date)) UTC+8 (hlc \(stamp.packed))"
    }

    /// "3 days 2 hours", "1 hour 5 minutes", "2 seconds".
    static func gap(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds.rounded(.up)))
        let days = total / 86_400, hours = total % 86_400 / 3600, minutes = total % 3600 / 60
        func unit(_ count: Int, _ name: String) -> String { "\(count) \(name)\(count == 1 ? "" : "s")" }
        if days > 0 { return hours > 0 ? "\(unit(days, "day")) \(unit(hours, "hour"))" : unit(days, "day") }
        if hours > 0 { return minutes > 0 ? "\(unit(hours, "hour")) \(unit(minutes, "minute"))" : unit(hours, "hour") }
        if minutes > 0 { return unit(minutes, "minute") }
        return unit(total, "second")
    }
}
