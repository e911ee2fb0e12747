/// Why a request could not be completed at the network level.
public enum TransportFailure: String, Sendable, Equatable {
    /// Nothing listens on the port, or the host refused the connection.
    case connectionRefused
    /// The connection was closed or reset while the request was in flight.
    case connectionReset
    /// The response ended before its body was complete: the connection closed short of the announced
    /// length, or a JSON document was cut off.
    case incompleteBody
    /// The request did not complete before its deadline.
    case timeout
    /// The TLS handshake failed, e.g. an untrusted certificate.
    case tls
    /// The host name could not be resolved.
    case dns
    /// Anything else (invalid URL, unsupported scheme, …).
    case other

    /// Whether the connection dropped before the response was complete, so an idempotent request
    /// may be sent again.
    var isDroppedConnection: Bool {
        self == .connectionReset || self == .incompleteBody
    }
}
