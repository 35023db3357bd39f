import Foundation

/// Token buckets per client address (the hub's public progress page and API, the logins of the dashboard
/// and the desk): each request takes a token; a bucket holds at most ``Limit/burst`` tokens and refills at
/// ``Limit/perMinute`` a minute. An empty bucket answers how long until the next token, for
/// `429` with `Retry-After`. In memory: a restart forgets the buckets, which only makes it kinder.
public actor RateLimiter {
    /// The bucket's size and refill rate.
    public struct Limit: Sendable {
        public var burst: Int
        public var perMinute: Double

        public init(burst: Int, perMinute: Double) {
            self.burst = burst
            self.perMinute = perMinute
        }
    }

    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    public let limit: Limit
    private var buckets: [String: Bucket] = [:]
    private var lastSweep = Date.distantPast

    public init(_ limit: Limit) {
        self.limit = limit
    }

    /// Takes a token for `client` at `now`: nil when allowed, else the whole seconds to wait.
    public func take(for client: String, now: Date) -> Int? {
        sweep(now)
        let rate = limit.perMinute / 60
        var bucket = buckets[client] ?? Bucket(tokens: Double(limit.burst), updated: now)
        bucket.tokens = min(Double(limit.burst), bucket.tokens + max(0, now.timeIntervalSince(bucket.updated)) * rate)
        bucket.updated = now
        defer { buckets[client] = bucket }
        guard bucket.tokens >= 1 else {
            return max(1, Int(((1 - bucket.tokens) / max(rate, 1e-9)).rounded(.up)))
        }
        bucket.tokens -= 1
        return nil
    }

    /// Drops full buckets now and then, so memory stays bounded by the recently active clients.
    private func sweep(_ now: Date) {
        guard now.timeIntervalSince(lastSweep) > 300 else { return }
        lastSweep = now
        let rate = limit.perMinute / 60
        buckets = buckets.filter { _, bucket in
            bucket.tokens + now.timeIntervalSince(bucket.updated) * rate < Double(limit.burst)
        }
    }
}
