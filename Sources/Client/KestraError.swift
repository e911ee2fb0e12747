/// Every error the client throws, with a one-line message and an optional hint for the user.
public enum KestraError: Error, Sendable, Equatable {
    /// The server answered with a status outside 2xx; `body` is the decoded error body.
    case http(status: Int, request: SentRequest, body: ErrorBody)
    /// The request could not be sent or its response could not be read completely.
    case transport(request: SentRequest, kind: TransportFailure, reason: String)
    /// The server answered 2xx but the body was not the expected JSON.
    case decoding(request: SentRequest, description: String)
    /// The task was cancelled; no further attempt is made.
    case cancelled
    /// A local file could not be read or written.
    case localFile(path: String, reason: String)
    /// The configuration cannot be used (bad base URL, unreadable CA file, …).
    case invalidConfiguration(String)
    /// A response body was larger than the client accepts for an in-memory read.
    case bodyTooLarge(limit: Int)
    /// The feature needs a newer API generation than the server speaks; nothing was sent for it.
    case unsupportedByServer(feature: String, needs: APIGeneration, serverVersion: String?)

    /// The HTTP status code, for `.http` errors.
    public var status: Int? {
        if case .http(let status, _, _) = self { return status }
        return nil
    }

    /// The request the error is about, for HTTP, transport and decoding errors.
    public var request: SentRequest? {
        switch self {
        case .http(_, let request, _), .transport(let request, _, _), .decoding(let request, _): return request
        default: return nil
        }
    }

    /// The sentence shown after `Error: `: the request, the status or failure, the attempts when
    /// retried, then the server's detail, e.g.
    /// `GET http://host/api/v1/main/flows/ns/id → 503 Service Unavailable (3 attempts)`.
    public var message: String {
        switch self {
        case .http(let status, let request, let body):
            let detail = body.detail(status: status).map { ": \($0)" } ?? ""
            return "\(request.line) → \(status) \(HTTPStatusText.reasonPhrase(for: status))"
                + request.attemptsSuffix + detail
        case .transport(let request, _, _), .decoding(let request, _):
            return "\(request.line) → \(reason)"
        default:
            return reason
        }
    }

    /// What went wrong without naming the request, for a per-item report row (the row names the item).
    public var reason: String {
        switch self {
        case .http(let status, let request, let body):
            return body.message(status: status) + request.attemptsSuffix
        case .transport(let request, let kind, let reason):
            switch kind {
            case .timeout: return reason + request.attemptsSuffix
            case .connectionReset: return "connection closed unexpectedly: \(reason)" + request.attemptsSuffix
            case .incompleteBody: return "response incomplete: \(reason)" + request.attemptsSuffix
            default: return "cannot connect: \(reason)" + request.attemptsSuffix
            }
        case .decoding(let request, let description):
            return "unexpected response: \(description)" + request.attemptsSuffix
        case .cancelled:
            return "cancelled"
        case .localFile(let path, let reason):
            return "\(path): \(reason)"
        case .invalidConfiguration(let reason):
            return reason
        case .bodyTooLarge(let limit):
            return "response body larger than \(limit) bytes"
        case .unsupportedByServer(let feature, let needs, let version):
            let server = version.map { "the server runs \($0)" } ?? "the server speaks the 1.x API"
            return "\(feature) is only available on Kestra \(needs.rawValue).0 or later (\(server))"
        }
    }

    /// Advice printed under the message, when there is something the user can do.
    public var hint: String? {
        switch self {
        case .http(let status, _, let body):
            switch status {
            case 401:
                return "set credentials with `kestractl config add …` or pass --username/--password or --token"
            case 403:
                return "the credentials are valid but lack permission for this operation"
            case 300..<400:
                return "check --host: it should be the server root, e.g. http://localhost:8080"
            default:
                if case .html = body { return "is the base URL the Kestra server, without /ui or /api?" }
                return nil
            }
        case .transport(_, .tls, _):
            return "use --ca-file to trust the server's certificate, or --insecure-skip-tls-verify"
        case .transport(_, .connectionRefused, _), .transport(_, .dns, _):
            return "check --host and that the Kestra server is running"
        default:
            return nil
        }
    }

    /// The same error counting `attempts` attempts (HTTP, transport and decoding errors).
    func after(attempts: Int) -> KestraError {
        switch self {
        case .http(let status, var request, let body):
            request.attempts = attempts
            return .http(status: status, request: request, body: body)
        case .transport(var request, let kind, let reason):
            request.attempts = attempts
            return .transport(request: request, kind: kind, reason: reason)
        case .decoding(var request, let description):
            request.attempts = attempts
            return .decoding(request: request, description: description)
        default:
            return self
        }
    }

    /// Whether the connection dropped before the response was complete.
    var isDroppedConnection: Bool {
        if case .transport(_, let kind, _) = self { return kind.isDroppedConnection }
        return false
    }
}

extension KestraError: CustomStringConvertible {
    /// The same text as ``message``.
    public var description: String { message }
}
