import GongdanSync

/// A public request over its client's rate limit: `429 rate_limited` with `Retry-After: seconds`
/// (the error middleware adds the header).
struct RateLimitedError: Error {
    var seconds: Int

    var syncError: SyncError {
        SyncError(.rateLimited, "too many lookups from this address; wait \(seconds) s and try again (Retry-After)")
    }
}
