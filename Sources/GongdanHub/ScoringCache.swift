import Foundation
import GongdanCore

/// The last scoring report the dashboard computed, reused while nothing new was stored and it is
/// less than ``maxAge`` old: the figures change only with new events (or, slowly, with the clock).
actor ScoringCache {
    /// How long a report is reused when no event arrived, counted from when it was ready.
    let maxAge: TimeInterval
    /// The hub's clock.
    let now: @Sendable () -> Date

    private var entry: (period: ScoringPeriod, commit: Int64, readyAt: Date, report: ScoringReport)?

    init(maxAge: TimeInterval = 300, now: @escaping @Sendable () -> Date) {
        self.maxAge = maxAge
        self.now = now
    }

    /// The cached report of `period` if it is still good with the store at `commit`; else
    /// `compute()`'s, which is kept.
    func report(period: ScoringPeriod, commit: Int64,
                compute: @Sendable () async throws -> ScoringReport) async throws -> ScoringReport {
        let time = now()
        if let entry, entry.period == period, entry.commit == commit, time >= entry.readyAt,
           time.timeIntervalSince(entry.readyAt) < maxAge {
            return entry.report
        }
        let report = try await compute()
        entry = (period, commit, now(), report)
        return report
    }
}
