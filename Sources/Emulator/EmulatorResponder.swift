import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The Hummingbird responder: control endpoints, faults, authentication, routing, rendering and recording.
struct EmulatorResponder: HTTPResponder {
    typealias Context = EmulatorRequestContext

    /// Thrown from a response body writer to cut the connection mid-body (drop fault).
    struct DroppedConnection: Error {}

    static let maximumBodySize = 1 << 30
    static let chunkSize = 64 * 1024

    let router: APIRouter
    let control: EmulatorControl
    let credentials: BasicCredentials?
    let tokens: [String]
    let authRequired: Bool
    let resetAction: @Sendable () async throws -> Void

    var dialect: any ErrorDialect { router.dialect }

    func respond(to request: Request, context: Context) async throws -> Response {
        control.track(context.channel)
        let path = request.uri.path
        let rawQuery = request.uri.query
        if path.hasPrefix("/_emulator/") || path == "/_emulator" {
            return try await controlResponse(request, path: path)
        }
        let faults = control.currentFaults
        let faultable = path.hasPrefix("/api") && EmulatorResponder.matches(path, faults.routes)
        if faultable, faults.latencyMilliseconds > 0 {
            try? await Task.sleep(nanoseconds: UInt64(faults.latencyMilliseconds) * 1_000_000)
        }
        var response: EmulatorResponse
        if faultable, faults.faultRate > 0, Double.random(in: 0..<1) < faults.faultRate {
            response = dialect.response(
                for: APIError(type: .serviceUnavailable, detail: "Service unavailable"), instance: path)
            response.headers.append(("Retry-After", "0"))
        } else if path.hasPrefix("/api/v1/"), !dialect.openPaths.contains(path), !isAuthenticated(request) {
            response = dialect.unauthenticated(instance: path)
        } else {
            response = await handle(request, path: path, rawQuery: rawQuery)
        }
        let drop = faultable && faults.dropRate > 0 && Double.random(in: 0..<1) < faults.dropRate
        record(request, path: path, rawQuery: rawQuery, response: response)
        return render(response, request: request, drop: drop)
    }

    private func handle(_ request: Request, path: String, rawQuery: String?) async -> EmulatorResponse {
        var body = ByteBuffer()
        if request.method != .get && request.method != .head {
            do {
                body = try await request.body.collect(upTo: EmulatorResponder.maximumBodySize)
            } catch {
                return dialect.response(
                    for: APIError(type: .payloadTooLarge, detail: "The request body exceeds 1 GiB"), instance: path)
            }
        }
        var headers: [String: String] = [:]
        for field in request.headers {
            headers[field.name.canonicalName] = field.value
        }
        let emulatorRequest = EmulatorRequest(
            method: request.method.rawValue, path: path, rawQuery: rawQuery, headers: headers, body: body)
        do {
            return try await router.route(emulatorRequest)
        } catch {
            return dialect.response(for: error, instance: path)
        }
    }

    static func matches(_ path: String, _ pattern: String?) -> Bool {
        guard let pattern, !pattern.isEmpty else { return true }
        return path.range(of: pattern, options: .regularExpression) != nil
    }

    private func isAuthenticated(_ request: Request) -> Bool {
        guard authRequired else { return true }
        guard let header = request.headers[.authorization] else { return false }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return false }
        let scheme = parts[0].lowercased()
        let value = String(parts[1]).trimmingCharacters(in: .whitespaces)
        if scheme == "basic", let credentials, let data = Data(base64Encoded: value),
            let decoded = String(data: data, encoding: .utf8)
        {
            return decoded == "\(credentials.username):\(credentials.password)"
        }
        if scheme == "bearer" {
            return tokens.contains(value)
        }
        return false
    }

    private func controlResponse(_ request: Request, path: String) async throws -> Response {
        switch (request.method, path) {
        case (.post, "/_emulator/reset"):
            try await resetAction()
            return Response(status: .noContent)
        case (.post, "/_emulator/faults"):
            let body = try await request.body.collect(upTo: 1 << 20)
            guard let settings = try? JSONDecoder().decode(FaultSettings.self, from: Data(buffer: body)) else {
                return Response(status: .badRequest)
            }
            control.setFaults(settings)
            return Response(status: .noContent)
        case (.get, "/_emulator/faults"):
            return EmulatorResponder.jsonResponse(try JSONEncoder().encode(control.currentFaults))
        case (.get, "/_emulator/requests"):
            return EmulatorResponder.jsonResponse(try JSONEncoder().encode(control.recorded))
        default:
            return Response(status: .notFound)
        }
    }

    private static func jsonResponse(_ data: Data) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func record(_ request: Request, path: String, rawQuery: String?, response: EmulatorResponse) {
        var body: String?
        if let contentType = response.contentType,
            contentType.contains("json"), case .bytes(let buffer) = response.body
        {
            body = String(buffer: buffer)
        }
        control.record(
            RecordedExchange(
                method: request.method.rawValue, path: path, query: rawQuery,
                requestContentType: request.headers[.contentType], userAgent: request.headers[.userAgent],
                apiGeneration: dialect.generation.rawValue,
                status: response.status, contentType: response.contentType, body: body))
    }

    private func render(_ response: EmulatorResponse, request: Request, drop: Bool) -> Response {
        var fields = HTTPFields()
        if let contentType = response.contentType {
            fields[.contentType] = contentType
        }
        for (name, value) in response.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        let status = HTTPResponse.Status(code: response.status)
        switch response.body {
        case .empty:
            if drop {
                return Response(
                    status: status, headers: fields,
                    body: ResponseBody(contentLength: 64) { _ in throw DroppedConnection() })
            }
            return Response(status: status, headers: fields)
        case .bytes(let buffer):
            let total = buffer.readableBytes
            if !drop, total <= EmulatorResponder.chunkSize {
                // Head, body and end in one write (Hummingbird's batched path): one TCP segment, as a
                // server that buffers its answer sends it, and one wake-up of the client instead of two.
                return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: buffer))
            }
            return Response(
                status: status, headers: fields,
                body: ResponseBody(contentLength: total) { writer in
                    let limit = drop ? total / 2 : total
                    var offset = 0
                    while offset < limit {
                        let length = min(EmulatorResponder.chunkSize, limit - offset)
                        if let chunk = buffer.getSlice(at: buffer.readerIndex + offset, length: length) {
                            try await writer.write(chunk)
                        }
                        offset += length
                    }
                    if drop { throw DroppedConnection() }
                    try await writer.finish(nil)
                })
        case .eventStream(let stream):
            fields[.cacheControl] = "no-cache"
            return Response(
                status: status, headers: fields,
                body: ResponseBody { writer in
                    if drop { throw DroppedConnection() }
                    if stream.endsOnlyOnDisconnect {
                        // Log follow never ends by itself: watch the connection so the stream stops, and its
                        // subscription is freed, when the client leaves.
                        try await request.body.consumeWithCancellationOnInboundClose { _ in
                            for await event in stream.events {
                                try await writer.write(ByteBuffer(string: event.encoded))
                            }
                        }
                    } else {
                        // Execution follow ends by itself; watching the connection would close it before the
                        // final chunk is flushed, so a client that leaves early is noticed at the next write.
                        for await event in stream.events {
                            try await writer.write(ByteBuffer(string: event.encoded))
                        }
                    }
                    try await writer.finish(nil)
                })
        }
    }
}
