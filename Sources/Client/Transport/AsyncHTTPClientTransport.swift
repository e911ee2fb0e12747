import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL

/// The production transport: one AsyncHTTPClient with a keep-alive pool, no redirects, no cookies.
public final class AsyncHTTPClientTransport: HTTPTransport {
    private let client: HTTPClient

    /// Creates the HTTP client with TLS trust from `caFile` / `insecureSkipTLSVerify`.
    public init(configuration: ClientConfiguration) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile = configuration.caFile {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            } catch {
                throw KestraError.invalidConfiguration("cannot read CA file \(caFile): not a readable PEM bundle")
            }
        }
        if configuration.insecureSkipTLSVerify {
            tls.certificateVerification = .none
        }
        var httpConfiguration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: .seconds(10), read: nil),
            decompression: .disabled)
        // Fail fast on a refused connection; the client layer decides about retries.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        // No distributed tracing: without a tracer AsyncHTTPClient skips building a span and its
        // attributes for every request (a measurable part of a script line).
        httpConfiguration.tracing.tracer = nil
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: httpConfiguration)
    }

    /// Sends the request and returns once the response head arrived; the body streams with
    /// backpressure. `timeout` bounds the wait for the head, not the body's transfer.
    public func execute(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
        let sent = SentRequest(method: request.method.rawValue, url: request.url)
        let receiver = ResponseReceiver(eventLoop: client.eventLoopGroup.any())
        let response: ResponseReceiver.Received
        do {
            let outgoing = try HTTPClient.Request(
                url: request.url,
                method: NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue),
                headers: HTTPHeaders(request.headers.map { ($0.name, $0.value) }),
                body: try Self.body(request.body, on: receiver.eventLoop))
            let deadline = timeout.map { timeout -> NIODeadline in
                let (seconds, attoseconds) = timeout.components
                return .now() + .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
            }
            // The loop is preferred, not required, for the connection (as with the async API): a pooled
            // connection on another loop of the group is still reused; the callbacks hop to this loop.
            response = try await receiver.response(deadline: deadline) { receiver in
                client.execute(
                    request: outgoing, delegate: receiver, eventLoop: .delegate(on: receiver.eventLoop))
            }
        } catch {
            throw Self.map(error, request: sent)
        }
        let headers = response.head.headers.map { HTTPHeader(name: $0.name, value: $0.value) }
        let body = ByteStream(
            ErrorMappingSequence(
                base: response.body.map { @Sendable buffer in Array(buffer.readableBytesView) },
                transform: { error in Self.map(error, request: sent) }))
        return HTTPResponse(status: Int(response.head.status.code), headers: headers, body: body)
    }

    /// The request body for AsyncHTTPClient; a stream is read chunk by chunk as the connection takes it.
    private static func body(_ body: RequestBody, on eventLoop: any EventLoop) throws -> HTTPClient.Body? {
        switch body {
        case .empty:
            return nil
        case .bytes(let bytes):
            return .bytes(bytes)
        case .stream(let length, let makeChunks):
            let chunks = try makeChunks()
            return .stream(contentLength: length) { writer in
                let written = eventLoop.makePromise(of: Void.self)
                written.completeWithTask {
                    for try await chunk in chunks {
                        try await writer.write(.byteBuffer(ByteBuffer(bytes: chunk))).get()
                    }
                }
                return written.futureResult
            }
        }
    }

    /// Shuts the HTTP client down; a second call is ignored.
    public func shutdown() async throws {
        do {
            try await client.shutdown()
        } catch let error as HTTPClientError where error == .alreadyShutdown {
            return
        }
    }

    /// Starts closing the pool on its event loop; nothing waits for AsyncHTTPClient's callback.
    public func startShutdown() {
        client.shutdown { _ in }
    }

    /// Classifies AsyncHTTPClient and NIO errors into ``KestraError/transport(request:kind:reason:)``.
    static func map(_ error: any Error, request: SentRequest) -> any Error {
        func failure(_ kind: TransportFailure, _ reason: String) -> KestraError {
            .transport(request: request, kind: kind, reason: reason)
        }
        if error is KestraError { return error }
        if error is CancellationError { return KestraError.cancelled }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .cancelled, .requestStreamCancelled:
                return KestraError.cancelled
            case .deadlineExceeded, .readTimeout, .writeTimeout, .getConnectionFromPoolTimeout:
                return failure(.timeout, "timed out")
            case .connectTimeout, .tlsHandshakeTimeout:
                return failure(.timeout, "connect timed out")
            case .remoteConnectionClosed:
                return failure(.connectionReset, "connection closed by server")
            case .bodyLengthMismatch:
                return failure(.incompleteBody, "the connection closed before the announced length was read")
            default:
                return failure(.other, clientError.description)
            }
        }
        if let channelError = error as? ChannelError,
            [.ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed].contains(channelError)
        {
            // A kept-alive connection the server had already closed.
            return failure(.connectionReset, "connection closed by server")
        }
        if error is HTTPParserError {
            return failure(.incompleteBody, "the connection closed before the response was complete")
        }
        let text = String(describing: error)
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return failure(.tls, tlsReason(text))
        }
        if let ioError = error as? IOError {
            return failure(kind(errno: ioError.errnoCode), reason(ioError.errnoCode))
        }
        if text.contains("connectionRefused") || text.contains("ECONNREFUSED") || text.contains("Connection refused") {
            return failure(.connectionRefused, "connection refused")
        }
        if text.contains("connectionReset") || text.contains("ECONNRESET") || text.contains("Connection reset") {
            return failure(.connectionReset, "connection reset by peer")
        }
        if text.contains("NIOConnectionError") || text.contains("SocketAddressError") || text.contains("resolution") {
            if text.contains("refused") || text.contains("errnoCode: 111") {
                return failure(.connectionRefused, "connection refused")
            }
            if text.lowercased().contains("dns") || text.contains("SocketAddressError") || text.contains("resolution") {
                return failure(.dns, "host name not resolved")
            }
        }
        return failure(.other, text)
    }

    private static func tlsReason(_ text: String) -> String {
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("unableToValidateCertificate") {
            return "TLS certificate verification failed"
        }
        if text.contains("WRONG_VERSION_NUMBER") {
            return "TLS handshake failed (the server does not seem to speak TLS)"
        }
        if text.contains("hostname") || text.contains("Hostname") {
            return "TLS certificate does not match the host name"
        }
        return "TLS handshake failed"
    }

    private static func kind(errno code: Int32) -> TransportFailure {
        switch code {
        case 111, 61: return .connectionRefused
        case 104, 54, 32: return .connectionReset
        case 110, 60: return .timeout
        default: return .other
        }
    }

    private static func reason(_ code: Int32) -> String {
        switch kind(errno: code) {
        case .connectionRefused: return "connection refused"
        case .connectionReset: return "connection reset by peer"
        case .timeout: return "timed out"
        default: return "I/O error \(code)"
        }
    }
}

/// Rewrites the errors of a byte-chunk sequence, e.g. NIO errors into ``KestraError``.
private struct ErrorMappingSequence<Base: AsyncSequence & Sendable>: AsyncSequence, Sendable
where Base.Element == [UInt8] {
    /// Each element is a chunk of bytes.
    typealias Element = [UInt8]

    /// The wrapped sequence.
    let base: Base
    /// Rewrites a thrown error.
    let transform: @Sendable (any Error) -> any Error

    /// Creates an iterator over the wrapped sequence.
    func makeAsyncIterator() -> Iterator {
        Iterator(base: base.makeAsyncIterator(), transform: transform)
    }

    struct Iterator: AsyncIteratorProtocol {
        /// The wrapped iterator.
        var base: Base.AsyncIterator
        /// Rewrites a thrown error.
        let transform: @Sendable (any Error) -> any Error

        /// Returns the next chunk, rewriting any error.
        mutating func next() async throws -> [UInt8]? {
            do {
                return try await base.next()
            } catch {
                throw transform(error)
            }
        }
    }
}
