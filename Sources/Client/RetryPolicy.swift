/// How idempotent requests are retried: exponential backoff with full jitter, honouring `Retry-After`.
public struct RetryPolicy: Sendable, Equatable {
    /// Total attempts including the first one.
    public var maxAttempts = 3
    /// The backoff ceiling for the first retry; it doubles for each further retry.
    public var baseDelay: Duration = .milliseconds(200)
    /// The longest wait between attempts, also capping `Retry-After`.
    public var maxDelay: Duration = .seconds(5)

    /// Creates a policy.
    public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(5)) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Three attempts, 200 ms base, 5 s cap.
    public static let `default` = RetryPolicy()
    /// A single attempt.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The wait before attempt `failedAttempt + 1`; `retryAfter` (seconds from the server) wins when given.
    public func delay(afterAttempt failedAttempt: Int, retryAfter: Duration?) -> Duration {
        if let retryAfter { return min(retryAfter, maxDelay) }
        let exponent = max(0, min(failedAttempt - 1, 30))
        let ceiling = min(baseDelay * (1 << exponent), maxDelay)
        let nanoseconds = ceiling.components.seconds * 1_000_000_000 + ceiling.components.attoseconds / 1_000_000_000
        guard nanoseconds > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...nanoseconds))
    }
}
