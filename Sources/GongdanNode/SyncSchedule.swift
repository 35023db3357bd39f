import Foundation

/// When to try the next scheduled sync: the interval after a success; after failures, an
/// exponential backoff from 30 s up to the interval, both with ±20 % jitter so that many nodes
/// returning from one outage do not hit the hub together.
public struct SyncSchedule: Hashable, Sendable {
    public var interval: TimeInterval
    public var firstRetry: TimeInterval = 30
    public var jitter = 0.2

    public init(interval: TimeInterval) { self.interval = interval }

    /// Seconds to wait after an attempt; `failures` counts consecutive failures (0 after a success).
    public func delay<R: RandomNumberGenerator>(afterFailures failures: Int, using random: inout R) -> TimeInterval {
        let base = failures == 0 ? interval : min(interval, firstRetry * pow(2, Double(min(failures - 1, 20))))
        return base * Double.random(in: (1 - jitter)...(1 + jitter), using: &random)
    }

    /// Parses `30m`, `2h`, `45s` or a number of seconds.
    public static func parseDuration(_ text: String) -> TimeInterval? {
        let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        if let last = text.last, let unit = units[last], let value = Double(text.dropLast()), value > 0 {
            return value * unit
        }
        return Double(text).flatMap { $0 > 0 ? $0 : nil }
    }
}
