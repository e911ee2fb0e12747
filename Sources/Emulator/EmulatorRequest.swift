import Foundation
import NIOCore

/// A request as the emulator's handlers see it: method, decoded path segments, query, headers and the collected body.
struct EmulatorRequest: Sendable {
    var method: String
    var path: String
    var rawQuery: String?
    var segments: [String]
    var query: QueryParameters
    var headers: [String: String]
    var body: ByteBuffer

    init(method: String, path: String, rawQuery: String?, headers: [String: String], body: ByteBuffer) {
        self.method = method
        self.path = path
        self.rawQuery = rawQuery
        self.segments = path.split(separator: "/", omittingEmptySubsequences: true).map {
            QueryParameters.decodePath(String($0))
        }
        self.query = QueryParameters(rawQuery)
        self.headers = headers
        self.body = body
    }

    /// The media type of the body without parameters, lower-cased.
    var mediaType: String? {
        headers["content-type"].map {
            $0.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        }
    }

    /// The body as UTF-8 text.
    var bodyText: String {
        String(buffer: body)
    }

    /// The body parsed as JSON.
    func jsonBody() throws(APIError) -> JSONValue {
        do {
            return try JSONParser.parse(bytes: Array(body.readableBytesView))
        } catch {
            throw APIError(type: .invalidJSON, detail: "Invalid JSON: unable to parse the request body")
        }
    }

    /// Requires one of the given media types, else 415.
    func requireMediaType(_ accepted: String...) throws(APIError) {
        guard let mediaType, accepted.contains(mediaType) else {
            throw APIError.unsupportedMediaType(headers["content-type"])
        }
    }

    /// The parts of an inputs body (create, resume): like `multipartParts()`, except that a request with neither
    /// a body nor a `Content-Type` carries no inputs, as Kestra's Python SDK sends a run without inputs.
    func inputParts() throws(APIError) -> [MultipartPart] {
        if headers["content-type"] == nil, body.readableBytes == 0 { return [] }
        return try multipartParts()
    }

    /// Parses the multipart body, requiring `multipart/form-data` (415 otherwise).
    func multipartParts() throws(APIError) -> [MultipartPart] {
        guard mediaType == "multipart/form-data", let contentType = headers["content-type"] else {
            throw APIError.unsupportedMediaType(headers["content-type"])
        }
        guard let boundary = MultipartParser.boundary(fromContentType: contentType) else {
            throw APIError.badRequest("Missing multipart boundary")
        }
        do {
            return try MultipartParser(boundary: boundary).parse(body)
        } catch {
            throw APIError.badRequest("Malformed multipart body")
        }
    }
}
