/// A type-erased, sendable async sequence of byte chunks that pulls from its source only when asked.
public struct ByteStream: AsyncSequence, Sendable {
    /// Each element is one chunk of bytes.
    public typealias Element = [UInt8]

    private let makeIterator: @Sendable () -> Iterator

    /// Wraps any sendable sequence of byte chunks without buffering it.
    public init<Chunks: AsyncSequence & Sendable>(_ chunks: Chunks) where Chunks.Element == [UInt8] {
        makeIterator = { Iterator(chunks.makeAsyncIterator()) }
    }

    /// Creates a stream whose iterators call the closure made by `makeNextChunk` until it returns nil.
    public init(makeNextChunk: @escaping @Sendable () -> () async throws -> [UInt8]?) {
        makeIterator = { Iterator(nextChunk: makeNextChunk()) }
    }

    /// A stream that yields nothing.
    public static var empty: ByteStream { ByteStream(makeNextChunk: { { nil } }) }

    /// A stream that yields the given bytes as one chunk (nothing when they are empty).
    public static func bytes(_ bytes: [UInt8]) -> ByteStream {
        ByteStream(chunks: bytes.isEmpty ? [] : [bytes])
    }

    /// A stream that yields the given chunks in order.
    public init(chunks: [[UInt8]]) {
        self.init(makeNextChunk: {
            var remaining = chunks[...]
            return { remaining.popFirst() }
        })
    }

    /// Creates an iterator; a stream backed by a network body can be iterated only once.
    public func makeAsyncIterator() -> Iterator { makeIterator() }

    /// Reads all chunks into one array, failing when more than `maxBytes` arrive.
    public func collect(upTo maxBytes: Int) async throws -> [UInt8] {
        var result: [UInt8] = []
        for try await chunk in self {
            guard result.count + chunk.count <= maxBytes else {
                throw KestraError.bodyTooLarge(limit: maxBytes)
            }
            result += chunk
        }
        return result
    }

    /// Iterates the chunks of a ``ByteStream``.
    public struct Iterator: AsyncIteratorProtocol {
        private let nextChunk: () async throws -> [UInt8]?

        /// Creates an iterator from a closure returning chunks.
        init(nextChunk: @escaping () async throws -> [UInt8]?) {
            self.nextChunk = nextChunk
        }

        /// Creates an iterator forwarding to another iterator.
        init<Base: AsyncIteratorProtocol>(_ base: Base) where Base.Element == [UInt8] {
            let box = IteratorBox(base)
            nextChunk = { try await box.next() }
        }

        /// Returns the next chunk, or nil at the end of the body.
        public mutating func next() async throws -> [UInt8]? {
            try await nextChunk()
        }
    }
}

/// Holds a mutable iterator so that a closure can advance it.
private final class IteratorBox<Base: AsyncIteratorProtocol> where Base.Element == [UInt8] {
    private var base: Base

    /// Wraps an iterator.
    init(_ base: Base) { self.base = base }

    /// Advances the wrapped iterator.
    func next() async throws -> [UInt8]? {
        try await base.next()
    }
}
