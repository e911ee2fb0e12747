/// Every error the client throws, with a one-line message and an optional hint for the user.
public enum KestraError: Error, Sendable, Equatable {
    /// The server answered with a status outside 2xx; `body` is the decoded error body.
    case http(status: Int, url: String, body: ErrorBody)
    /// The request could not be sent or its response could not be read; `url` is the server address.
    case transport(url: String, kind: TransportFailure, reason: String)
    /// The server answered 2xx but the body was not the expected JSON.
    case decoding(url: String, description: String)
    /// The task was cancelled; no further attempt is made.
    case cancelled
    /// A local file could not be read or written.
    case localFile(path: String, reason: String)
    /// The configuration cannot be used (bad base URL, unreadable CA file, …).
    case invalidConfiguration(String)
    /// A response body was larger than the client accepts for an in-memory read.
    case bodyTooLarge(limit: Int)

    /// The HTTP status code, for `.http` errors.
    public var status: Int? {
        if case .http(let status, _, _) = self { return status }
        return nil
    }

    /// The sentence shown after `Error: ` (cli.md §5).
    public var message: String {
        switch self {
        case .http(let status, _, let body):
            return body.message(status: status)
        case .transport(let url, let kind, let reason):
            switch kind {
            case .timeout: return "request to \(url) timed out"
            case .connectionReset: return "connection to \(url) was closed unexpectedly: \(reason)"
            default: return "cannot connect to \(url): \(reason)"
            }
        case .decoding(let url, let description):
            return "unexpected response from \(url): \(description)"
        case .cancelled:
            return "cancelled"
        case .localFile(let path, let reason):
            return "\(path): \(reason)"
        case .invalidConfiguration(let reason):
            return reason
        case .bodyTooLarge(let limit):
            return "response body larger than \(limit) bytes"
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
}

extension KestraError: CustomStringConvertible {
    /// The same text as ``message``.
    public var description: String { message }
}
