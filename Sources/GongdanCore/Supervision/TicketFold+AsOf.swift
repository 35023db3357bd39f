import Foundation

extension TicketFold {
    /// The state of the ticket as it stood at `asOf`: the fold of the events whose time (their origin's
    /// hybrid clock) is at or before `asOf`; nil when the ticket did not exist yet.
    ///
    /// ```swift
    /// let endOfSeptember = CivilDate("2026-09-30")!.endInChinaStandardTime
    /// let then = TicketFold.fold(events, asOf: endOfSeptember)
    /// ```
    ///
    /// An event later than `asOf` is left out even when an earlier-stamped event saw it (a skewed clock);
    /// the fold places such orphans deterministically, so the result is the same on every replica.
    public static func fold(_ events: [TicketEvent], asOf: Date, policy: DistrictPolicy = .official) -> TicketState? {
        fold(events.filter { $0.time <= asOf }, policy: policy)
    }
}
