/// How requests authenticate against the server.
public enum Authentication: Sendable, Equatable {
    /// No `Authorization` header.
    case none
    /// HTTP basic authentication (Kestra OSS).
    case basic(username: String, password: String)
    /// A bearer API token (Kestra EE).
    case bearer(token: String)

    /// The `Authorization` header value, or nil for `.none`.
    var headerValue: String? {
        switch self {
        case .none:
            return nil
        case .basic(let username, let password):
            return "Basic " + Base64.encode(Array("\(username):\(password)".utf8))
        case .bearer(let token):
            return "Bearer \(token)"
        }
    }
}
