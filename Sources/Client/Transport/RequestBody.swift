/// The body of a request; `stream` makes a fresh chunk sequence for every attempt so retries can resend it.
public enum RequestBody: Sendable {
    /// No body.
    case empty
    /// A body held in memory.
    case bytes([UInt8])
    /// A body produced chunk by chunk; `length` is sent as `Content-Length` when known, otherwise chunked.
    case stream(length: Int64?, makeChunks: @Sendable () throws -> ByteStream)

    /// The number of bytes the body will produce, when known.
    public var length: Int64? {
        switch self {
        case .empty: return 0
        case .bytes(let bytes): return Int64(bytes.count)
        case .stream(let length, _): return length
        }
    }

    /// Reads the whole body into memory; meant for tests and small bodies.
    public func collect() async throws -> [UInt8] {
        switch self {
        case .empty: return []
        case .bytes(let bytes): return bytes
        case .stream(_, let makeChunks): return try await makeChunks().collect(upTo: Int.max)
        }
    }
}
