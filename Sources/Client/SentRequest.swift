/// The request an error is about: its method, its URL (never carrying credentials) and how many
/// attempts were made.
public struct SentRequest: Sendable, Equatable {
    /// The method, e.g. `GET`.
    public var method: String
    /// The absolute URL with its query.
    public var url: String
    /// The attempts made, 1 when the request was not retried.
    public var attempts: Int

    /// Describes a request.
    public init(method: String, url: String, attempts: Int = 1) {
        self.method = method
        self.url = url
        self.attempts = attempts
    }

    /// `GET https://host/api/v1/…`.
    public var line: String { "\(method) \(url)" }

    /// ` (3 attempts)` after a retried request, empty otherwise.
    var attemptsSuffix: String { attempts > 1 ? " (\(attempts) attempts)" : "" }
}
