import Foundation

extension RequestExecutor {
    /// Opens a download (a file, an archive) whose body survives a dropped connection.
    ///
    /// Attempts before the first body byte are retried like any idempotent request. When the
    /// connection drops after bytes were delivered, a GET resumes with `Range: bytes=N-` (within
    /// the same attempt budget and backoff) if the server advertised `Accept-Ranges: bytes` and
    /// answers `206` from byte N; otherwise the body fails with a message saying so, and the
    /// caller (writing through a temporary file) leaves nothing behind.
    func download(_ request: APIRequest, accept: String) async throws -> ResponseBody {
        let first = try await perform(request, accept: accept) { response, sent in (response, sent) }
        return ByteStream(makeNextChunk: {
            let download = ResumingDownload(
                executor: self, request: request, accept: accept, response: first.0, sent: first.1)
            return { try await download.next() }
        })
    }
}

/// The state of one download body: where it is, how many attempts it took, how to resume it.
final class ResumingDownload {
    private let executor: RequestExecutor
    private let request: APIRequest
    private let accept: String
    /// Whether the server said it serves byte ranges for this resource.
    private let resumable: Bool
    /// The `ETag` (else `Last-Modified`) of the first answer, sent as `If-Range` so a changed
    /// resource is never stitched to the old one.
    private let validator: String?
    private var body: ByteStream.Iterator
    private var sent: SentRequest
    /// Bytes handed to the caller.
    private var delivered: Int64 = 0
    /// Where the current answer must end, when its length is known.
    private var expectedEnd: Int64?

    /// Starts with the first answer.
    init(executor: RequestExecutor, request: APIRequest, accept: String, response: HTTPResponse, sent: SentRequest) {
        self.executor = executor
        self.request = request
        self.accept = accept
        self.sent = sent
        body = response.body.makeAsyncIterator()
        resumable =
            request.method == .get
            && response.headers.value(for: "Accept-Ranges")?.lowercased().contains("bytes") == true
        validator = response.headers.value(for: "ETag") ?? response.headers.value(for: "Last-Modified")
        expectedEnd = Self.length(of: response)
    }

    /// The next chunk, resuming or restarting after a dropped connection when that is safe.
    func next() async throws -> [UInt8]? {
        while true {
            do {
                guard let chunk = try await body.next() else {
                    if let expectedEnd, delivered < expectedEnd {
                        throw KestraError.transport(
                            request: sent, kind: .incompleteBody,
                            reason: "the body ended after \(delivered) of \(expectedEnd) bytes")
                    }
                    return nil
                }
                delivered += Int64(chunk.count)
                return chunk
            } catch {
                let failure = executor.mapTransportError(error, request: sent)
                guard failure.isDroppedConnection, sent.attempts < executor.attempts(for: request) else {
                    throw failure
                }
                if delivered > 0 && !resumable {
                    throw KestraError.transport(
                        request: sent, kind: .incompleteBody,
                        reason: "the connection dropped after \(delivered) bytes and the server cannot resume "
                            + "downloads (no Accept-Ranges: bytes)")
                }
                try await executor.pause(
                    executor.configuration.retryPolicy.delay(afterAttempt: sent.attempts, retryAfter: nil))
                try await reopen()
            }
        }
    }

    /// Sends the request again: from the start when nothing was delivered, else from `delivered`.
    private func reopen() async throws {
        let offset = delivered
        var headers: [HTTPHeader] = []
        if offset > 0 {
            headers.append(HTTPHeader(name: "Range", value: "bytes=\(offset)-"))
            if let validator { headers.append(HTTPHeader(name: "If-Range", value: validator)) }
        }
        let (response, sent) = try await executor.perform(
            request, accept: accept, extraHeaders: headers, firstAttempt: sent.attempts + 1
        ) { response, sent in
            if offset > 0 {
                let start = response.headers.value(for: "Content-Range").flatMap(Self.rangeStart)
                guard response.status == 206, start == offset else {
                    throw KestraError.transport(
                        request: sent, kind: .other,
                        reason:
                            "the server did not resume the download at byte \(offset) (it answered \(response.status))"
                    )
                }
            }
            return (response, sent)
        }
        self.sent = sent
        body = response.body.makeAsyncIterator()
        expectedEnd = Self.length(of: response).map { $0 + offset }
    }

    private static func length(of response: HTTPResponse) -> Int64? {
        response.headers.value(for: "Content-Length").flatMap { Int64($0.trimmingSpacesAndTabs()) }
    }

    /// `N` of `bytes N-M/TOTAL`.
    private static func rangeStart(_ contentRange: String) -> Int64? {
        let value = contentRange.trimmingSpacesAndTabs()
        guard value.lowercased().hasPrefix("bytes ") else { return nil }
        return value.dropFirst(6).split(separator: "-").first.flatMap { Int64($0.trimmingSpacesAndTabs()) }
    }
}
