import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small HTTP/1.1 proxy in front of an upstream server (usually an emulator) that injects
/// network faults into chosen exchanges and records every request with its headers.
///
/// Each client connection carries one exchange: the proxy reads the request, asks the upstream
/// for `Connection: close`, pumps the answer back and closes. Faults are looked up per request
/// from the rules given to ``inject(_:path:method:times:)``, first match first.
public final class FaultProxy: Sendable {
    /// What happens to a request that matches a rule.
    public enum Fault: Sendable, Equatable {
        /// The request is read, then the connection is reset before any response byte.
        case resetBeforeHeaders
        /// The upstream answer's head and its first `bytes` body bytes are sent, then the connection is reset.
        case resetMidBody(afterBodyBytes: Int)
        /// The head (its `Content-Length` kept) and the first `bytes` body bytes are sent, then the connection
        /// is closed normally: the body ends before the length it announced.
        case truncateBody(afterBodyBytes: Int)
        /// The head without `Content-Length` (the body ends with the connection) and the first `bytes` body
        /// bytes are sent, then the connection is closed normally: a well-framed but truncated body.
        case truncateUndelimited(afterBodyBytes: Int)
        /// The proxy answers itself with this status, headers and body; the upstream sees nothing.
        case respond(status: Int, headers: [String: String], body: String)
        /// The request is read and never answered (until the proxy stops).
        case hang
    }

    /// One request as the proxy received it.
    public struct Exchange: Sendable {
        /// The request method.
        public var method: String
        /// The path without the query.
        public var path: String
        /// The raw query, if any.
        public var query: String?
        /// The request headers in order, names as sent.
        public var headers: [(name: String, value: String)]
        /// The fault applied, nil when the exchange passed through.
        public var fault: Fault?

        /// The first value of a header, compared case-insensitively.
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    private struct Rule {
        var path: String
        var method: String?
        var fault: Fault
        var remaining: Int?
    }

    private struct Waiter {
        var id: Int
        var isSatisfied: @Sendable (State) -> Bool
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var rules: [Rule] = []
        var exchanges: [Exchange] = []
        /// Paths of exchanges whose first response body bytes reached the client.
        var bodiesStarted: [String] = []
        var waiters: [Waiter] = []
        var nextWaiter = 0
        var openSockets: Set<Int32> = []
        /// Connections left unanswered (`hang`); closed by `stop()`.
        var hangingSockets: Set<Int32> = []
        var stopped = false
    }

    /// The proxy's own base URL, e.g. `http://127.0.0.1:41234`.
    public let url: String
    /// Whether the proxy serves `Range: bytes=N-` itself (advertising `Accept-Ranges: bytes` on 200 answers).
    public let servesRanges: Bool
    private let upstreamPort: UInt16
    private let listener: Int32
    private let state = Mutex(State())

    /// Starts a proxy on a free local port in front of `upstream` (`http://127.0.0.1:PORT` or `http://localhost:PORT`).
    public init(upstream: String, servesRanges: Bool = false) throws {
        guard let port = URL(string: upstream)?.port.flatMap(UInt16.init(exactly:)) else {
            throw FaultProxyError("upstream must be http://HOST:PORT, got \(upstream)")
        }
        upstreamPort = port
        self.servesRanges = servesRanges
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw FaultProxyError("socket() failed") }
        var reuse: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            close(listener)
            throw FaultProxyError("cannot listen on a local port")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        url = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
        self.listener = listener
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Applies `fault` to the next `times` requests (nil: every request) whose path matches the
    /// regular expression `path` and, when given, whose method is `method`.
    public func inject(_ fault: Fault, path: String, method: String? = nil, times: Int? = 1) {
        state.withLock { $0.rules.append(Rule(path: path, method: method, fault: fault, remaining: times)) }
    }

    /// Removes every rule not yet used up.
    public func clearFaults() {
        state.withLock { $0.rules = [] }
    }

    /// Every request received so far, in arrival order.
    public var exchanges: [Exchange] {
        state.withLock { $0.exchanges }
    }

    /// The requests whose path matches the regular expression `path`.
    public func exchanges(matching path: String) -> [Exchange] {
        exchanges.filter { Self.matches($0.path, path) }
    }

    /// Waits until `count` requests whose path matches `path` have been received; false after `limit`.
    @discardableResult
    public func waitForRequests(matching path: String, count: Int = 1, limit: Duration = .seconds(30)) async -> Bool {
        await wait(limit: limit) { state in state.exchanges.count(where: { Self.matches($0.path, path) }) >= count }
    }

    /// Waits until response body bytes of a request whose path matches `path` reached the client
    /// (for a stream: the server is serving it); false after `limit`.
    @discardableResult
    public func waitForResponseBody(matching path: String, limit: Duration = .seconds(30)) async -> Bool {
        await wait(limit: limit) { state in state.bodiesStarted.contains { Self.matches($0, path) } }
    }

    /// Stops accepting, closes every open connection (hanging ones included) and wakes every waiter.
    public func stop() {
        let stopped = state.withLock { state in
            defer {
                state.stopped = true
                state.hangingSockets = []
                state.waiters = []
            }
            return (state.stopped, state.openSockets, state.hangingSockets, state.waiters)
        }
        guard !stopped.0 else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        // Connections still being served are only shut down: their threads close them.
        for socket in stopped.1 { shutdown(socket, Int32(SHUT_RDWR)) }
        for socket in stopped.2 { close(socket) }
        for waiter in stopped.3 { waiter.continuation.resume(returning: false) }
    }

    // MARK: - Events

    private func wait(limit: Duration, _ isSatisfied: @escaping @Sendable (State) -> Bool) async -> Bool {
        let id = state.withLock { state -> Int in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        let timer = Task { [weak self] in
            try? await Task.sleep(for: limit)
            self?.resumeWaiter(id, with: false)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Bool? in
                if isSatisfied(state) { return true }
                if state.stopped { return false }
                state.waiters.append(Waiter(id: id, isSatisfied: isSatisfied, continuation: continuation))
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func resumeWaiter(_ id: Int, with result: Bool) {
        let waiter = state.withLock { state -> Waiter? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index)
        }
        waiter?.continuation.resume(returning: result)
    }

    /// Changes the state, then wakes the waiters it satisfies.
    private func update(_ change: (inout State) -> Void) {
        let satisfied = state.withLock { state -> [Waiter] in
            change(&state)
            let ready = state.waiters.filter { $0.isSatisfied(state) }
            state.waiters.removeAll { waiter in ready.contains { $0.id == waiter.id } }
            return ready
        }
        for waiter in satisfied { waiter.continuation.resume(returning: true) }
    }

    // MARK: - Connections

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                return
            }
            let accepted = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.openSockets.insert(client)
                return true
            }
            guard accepted else {
                close(client)
                return
            }
            Thread.detachNewThread { [self] in
                switch serve(client) {
                case .close: finish(client)
                case .closed: break
                case .hang: keepHanging(client)
                }
            }
        }
    }

    private func finish(_ socket: Int32) {
        state.withLock { _ = $0.openSockets.remove(socket) }
        close(socket)
    }

    private func keepHanging(_ socket: Int32) {
        let stopped = state.withLock { state in
            state.openSockets.remove(socket)
            if !state.stopped { state.hangingSockets.insert(socket) }
            return state.stopped
        }
        if stopped { close(socket) }
    }

    /// What to do with a connection once its exchange was served.
    private enum Ending {
        case close
        case closed
        case hang
    }

    /// Serves one exchange.
    private func serve(_ client: Int32) -> Ending {
        var reader = SocketReader(socket: client)
        guard let request = reader.readRequest() else { return .close }
        let fault = state.withLock { state -> Fault? in
            guard
                let index = state.rules.firstIndex(where: { rule in
                    Self.matches(request.path, rule.path) && (rule.method == nil || rule.method == request.method)
                })
            else { return nil }
            let fault = state.rules[index].fault
            if let remaining = state.rules[index].remaining {
                if remaining <= 1 {
                    state.rules.remove(at: index)
                } else {
                    state.rules[index].remaining = remaining - 1
                }
            }
            return fault
        }
        update {
            $0.exchanges.append(
                Exchange(
                    method: request.method, path: request.path, query: request.query, headers: request.headers,
                    fault: fault))
        }
        switch fault {
        case .resetBeforeHeaders:
            reset(client)
            return .closed
        case .hang:
            return .hang
        case .respond(let status, let headers, let body):
            var head = "HTTP/1.1 \(status) Injected\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n"
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
            Self.writeAll(client, Array((head + "\r\n" + body).utf8))
            return .close
        default:
            return forward(request, to: client, fault: fault)
        }
    }

    /// Sends the request upstream and pumps the answer back, applying a body fault.
    private func forward(_ request: ProxiedRequest, to client: Int32, fault: Fault?) -> Ending {
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: upstreamPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard upstream >= 0, connected == 0 else {
            if upstream >= 0 { close(upstream) }
            Self.writeAll(client, Array("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".utf8))
            return .close
        }
        defer { close(upstream) }
        let range = servesRanges ? request.rangeStart : nil
        Self.writeAll(upstream, request.upstreamBytes(withoutRange: range != nil))
        var reader = SocketReader(socket: upstream)
        guard var head = reader.readHead() else { return .close }
        var pending = reader.takeBuffered()
        if servesRanges && head.status == 200 {
            head.headers.append(("Accept-Ranges", "bytes"))
            if let range, let length = head.contentLength {
                // Slice the whole answer: 206 with the bytes from `range` on.
                while pending.count < length, let more = reader.readSome() { pending += more }
                let slice = Array(pending.prefix(length).dropFirst(range))
                head.statusLine = "HTTP/1.1 206 Partial Content"
                head.headers.removeAll { $0.name.lowercased() == "content-length" }
                head.headers.append(("Content-Length", String(slice.count)))
                head.headers.append(("Content-Range", "bytes \(range)-\(length - 1)/\(length)"))
                pending = slice
            }
        }
        // One exchange per connection: say so, or the client pools a connection about to close.
        head.headers.removeAll { $0.name.lowercased() == "connection" }
        head.headers.append(("Connection", "close"))
        var limit: Int?
        switch fault {
        case .resetMidBody(let bytes), .truncateBody(let bytes):
            limit = bytes
        case .truncateUndelimited(let bytes):
            limit = bytes
            head.headers.removeAll { ["content-length", "transfer-encoding"].contains($0.name.lowercased()) }
        default:
            break
        }
        Self.writeAll(client, head.bytes)
        var sent = 0
        var bodyStarted = false
        while true {
            if let limit, sent >= limit { break }
            var chunk = pending
            pending = []
            if chunk.isEmpty {
                guard let more = reader.readSome() else { break }
                chunk = more
            }
            if let limit { chunk = Array(chunk.prefix(limit - sent)) }
            guard Self.writeAll(client, chunk) else { break }
            sent += chunk.count
            if !bodyStarted && !chunk.isEmpty {
                bodyStarted = true
                update { $0.bodiesStarted.append(request.path) }
            }
        }
        if case .resetMidBody = fault {
            reset(client)
            return .closed
        }
        return .close
    }

    /// Closes with a TCP reset (SO_LINGER 0) instead of a normal close.
    private func reset(_ socket: Int32) {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(socket, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        finish(socket)
    }

    // MARK: - Helpers

    private static func matches(_ path: String, _ pattern: String) -> Bool {
        path.range(of: pattern, options: .regularExpression) != nil
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    @discardableResult
    fileprivate static func writeAll(_ socket: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                send(socket, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}

/// Why a ``FaultProxy`` could not start.
public struct FaultProxyError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    init(_ description: String) { self.description = description }
}

/// A request read by the proxy, with its raw body.
private struct ProxiedRequest {
    var method: String
    var target: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
    var query: String? {
        let parts = target.split(separator: "?", maxSplits: 1)
        return parts.count == 2 ? String(parts[1]) : nil
    }

    /// `N` of a `Range: bytes=N-` header.
    var rangeStart: Int? {
        guard let value = headers.first(where: { $0.name.lowercased() == "range" })?.value,
            value.hasPrefix("bytes="), value.hasSuffix("-")
        else { return nil }
        return Int(value.dropFirst(6).dropLast())
    }

    /// The request as sent upstream: `Connection: close`, optionally without its `Range` header.
    func upstreamBytes(withoutRange: Bool) -> [UInt8] {
        var text = "\(method) \(target) HTTP/1.1\r\n"
        for (name, value) in headers {
            let lower = name.lowercased()
            if lower == "connection" || (withoutRange && lower == "range") { continue }
            text += "\(name): \(value)\r\n"
        }
        text += "Connection: close\r\n\r\n"
        return Array(text.utf8) + body
    }
}

/// A response head read from the upstream.
private struct ResponseHead {
    var statusLine: String
    var headers: [(name: String, value: String)]

    var status: Int { Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0 }
    var contentLength: Int? {
        headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) }
    }
    var bytes: [UInt8] {
        Array((([statusLine] + headers.map { "\($0.name): \($0.value)" }).joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }
}

/// Buffered blocking reads from a socket.
private struct SocketReader {
    let socket: Int32
    private var buffer: [UInt8] = []

    init(socket: Int32) { self.socket = socket }

    /// The next bytes (what is buffered first), nil at the end or on error.
    mutating func readSome() -> [UInt8]? {
        if !buffer.isEmpty { return takeBuffered() }
        return receive()
    }

    private func receive() -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            return Array(chunk.prefix(count))
        }
    }

    mutating func takeBuffered() -> [UInt8] {
        defer { buffer = [] }
        return buffer
    }

    /// The lines of a message head; what follows stays buffered.
    mutating func readHeadLines() -> [String]? {
        let separator: [UInt8] = [13, 10, 13, 10]
        while true {
            if let end = buffer.firstRange(of: separator) {
                let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                buffer.removeSubrange(..<end.upperBound)
                return head.components(separatedBy: "\r\n")
            }
            guard let more = receive() else { return nil }
            buffer += more
        }
    }

    mutating func readHead() -> ResponseHead? {
        guard let lines = readHeadLines(), let statusLine = lines.first else { return nil }
        return ResponseHead(statusLine: statusLine, headers: lines.dropFirst().compactMap(Self.header))
    }

    mutating func readRequest() -> ProxiedRequest? {
        guard let lines = readHeadLines(), let requestLine = lines.first else { return nil }
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3 else { return nil }
        let headers = lines.dropFirst().compactMap(Self.header)
        var body: [UInt8] = []
        func value(_ name: String) -> String? { headers.first { $0.name.lowercased() == name }?.value }
        if let length = value("content-length").flatMap({ Int($0) }) {
            guard let bytes = read(count: length) else { return nil }
            body = bytes
        } else if value("transfer-encoding")?.lowercased().contains("chunked") == true {
            // Kept raw: the upstream decodes the chunks itself.
            while true {
                guard let sizeLine = readLine() else { return nil }
                body += Array((sizeLine + "\r\n").utf8)
                let size = Int(sizeLine.split(separator: ";").first ?? "", radix: 16) ?? 0
                if size == 0 {
                    while let trailer = readLine() {
                        body += Array((trailer + "\r\n").utf8)
                        if trailer.isEmpty { break }
                    }
                    break
                }
                guard let chunk = read(count: size + 2) else { return nil }
                body += chunk
            }
        }
        return ProxiedRequest(method: String(parts[0]), target: String(parts[1]), headers: headers, body: body)
    }

    private mutating func read(count: Int) -> [UInt8]? {
        while buffer.count < count {
            guard let more = receive() else { return nil }
            buffer += more
        }
        defer { buffer.removeSubrange(..<count) }
        return Array(buffer[..<count])
    }

    private mutating func readLine() -> String? {
        while true {
            if let end = buffer.firstRange(of: [13, 10]) {
                defer { buffer.removeSubrange(..<end.upperBound) }
                return String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
            }
            guard let more = receive() else { return nil }
            buffer += more
        }
    }

    private static func header(_ line: String) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
}
