import Foundation
import GongdanCore

/// The last scoring report the dashboard computed, reused while nothing new was stored and it is
/// less than ``maxAge`` old: the figures change only with new events (or, slowly, with the clock).
actor ScoringCache {
    /// How long a report is reused when no event arrived.
    let maxAge: TimeInterval

    private var entry: (period: ScoringPeriod, commit: Int64, computedAt: Date, report: ScoringReport)?

    init(maxAge: TimeInterval = 60) {
        self.maxAge = maxAge
    }

    /// The cached report of `period` if it is still good at `now` with the store at `commit`; else
    /// `compute()`'s, which is kept.
    func report(period: ScoringPeriod, commit: Int64, now: Date,
                compute: @Sendable () async throws -> ScoringReport) async throws -> ScoringReport {
        if let entry, entry.period == period, entry.commit == commit, now.timeIntervalSince(entry.computedAt) < maxAge,
           now >= entry.computedAt {
            return entry.report
        }
        let report = try await compute()
        entry = (period, commit, now, report)
        return report
    }
}
